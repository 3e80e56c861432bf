// A choice option outside its choices (a client that skipped Discord's check) is refused by name, privately, and
// nothing is stored: options are read as typed values, never cast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, type Harness } from '../support/bot.js';
import { openProposal } from './proposals-support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('choice options', () => {
  it('/skills offer with an unknown level names the level and stores no offer', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const reply = await (await a.run('priya', 'skills offer', { skill: 'bookkeeping', level: 'guru' }, { force: true })).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/\*\*level\*\* must be one of learning, practiced, expert/);
    expect(visibleText(await a.reply('priya', 'skills mine'))).not.toMatch(/bookkeeping/i);
  });

  it('/proposal vote with an unknown choice names the choice and counts no vote', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const { id } = await openProposal(h, a, 'marcus');
    const reply = await (await a.run('priya', 'proposal vote', { proposal: id, choice: 'maybe' }, { force: true })).reply();
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/\*\*choice\*\* must be one of yes, no, abstain, block, withdraw/);
    expect(visibleText(await a.reply('priya', 'proposal show', { proposal: id }))).toMatch(/0 of \d+ eligible voted/);
  });
});
