// The monthly update as members receive it, with every feature that has landed contributing its section.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDirectorySamples } from '../../src/shell/demo/directory-samples.js';
import { seedMeetingsSamples } from '../../src/shell/demo/meetings-samples.js';
import { seedProposalsSamples } from '../../src/shell/demo/proposals-samples.js';
import { seedRhythmSamples } from '../../src/shell/demo/rhythm-samples.js';
import { seedSkillsSamples } from '../../src/shell/demo/skills-samples.js';
import { startHarness, visibleText, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-24T15:00:00Z' });
});
afterAll(async () => {
  await h?.stop();
});

describe('the monthly update', () => {
  it('brings together the directory, skill-share, meetings, proposals and the organizers\' note, and pings no one', async () => {
    const a = await h.newAlliance();
    await a.setup({ timezone: 'UTC' });
    const members = { ...a.members, lee: a.guild.addMember({ username: 'lee' }) };
    const demo = { guildId: a.id, members };
    const services = h.bot.services;
    for (const seed of [seedDirectorySamples, seedSkillsSamples, seedMeetingsSamples, seedProposalsSamples, seedRhythmSamples]) seed(services, demo);

    await h.bot.scheduler.tick();
    h.clock.set('2026-12-01T10:00:00Z');
    await h.bot.scheduler.tick();

    const posts = h.bed.messages(a.channel('announcements')).filter((m) => m.fromBot && visibleText(m).includes('Alliance update'));
    expect(posts.length).toBeGreaterThanOrEqual(1);
    const text = posts.map(visibleText).join('\n');
    expect(text).toContain('Alliance update · December 2026');
    expect(text).toMatch(/new spaces? joined the directory/);
    expect(text).toContain('Skill-share');
    expect(text).toContain('Meetings');
    expect(text).toContain('Open proposals: have your say');
    expect(text).toContain('Welcome to everyone who joined this month');
    for (const post of posts) expect(post.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
  });
});
