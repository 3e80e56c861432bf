// Member text in public posts: a web address is shown plainly (never masked), and "[text](url)" typed into a
// profile, an event, a proposal or a monthly update line shows as text, not as a link.
import { sayIn } from '../../src/i18n/translate.js';
import { describe, expect, it } from 'vitest';
import type { SpaceProfile } from '../../src/directory/directory.service.js';
import { plainUrl, escapeMarkdown, unmaskLinks } from '../../src/discord/format.js';
import { renderProfile, renderWelcome } from '../../src/discord/directory/render.js';
import { renderProposal, renderProposalList } from '../../src/discord/proposals/render.js';
import { createProposalsUpdateSection } from '../../src/proposals/proposals.update-section.js';
import { hostingSections, rhythmWriter } from '../../src/discord/rhythm/posts.js';
import { actor, G1, members, organizer, people, setup } from '../domain/proposals/setup.js';

const en = sayIn('en');

const EVIL = '[Click here](https://evil.example/steal)';

/** A masked link Discord would render: brackets and parenthesis not escaped by a backslash. */
export function maskedLinks(text: string): string[] {
  return [...text.matchAll(/(?<!\\)\[([^\]\\]|\\.)*(?<!\\)\]\(\s*<?[a-z]+:/gi)].map((m) => m[0]);
}

/** Where Discord renders links in an embed: the description and field values (titles and names show text as is). */
const embedText = (embed: { toJSON(): { description?: string; fields?: { name: string; value: string }[] } }) => {
  const e = embed.toJSON();
  return [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)].join('\n');
};

const space: SpaceProfile = {
  id: 1, guildId: G1, name: `Loft ${EVIL}`, city: 'Seattle', region: null, country: 'US', countryName: 'United States',
  latitude: 47.6, longitude: -122.3, desks: 10, website: 'https://loft.example/a)[x](https://evil.example', dayPass: EVIL,
  tags: [], description: `Come by ${EVIL}`, hours: EVIL, contact: EVIL, accessibility: EVIL, status: 'approved',
  createdBy: members[0], createdAt: 0, approvedAt: 0, hosts: [members[0]], members: [],
};

describe('member text in public posts', () => {
  it('the detector finds a masked link and ignores an escaped one', () => {
    expect(maskedLinks(EVIL)).toHaveLength(1);
    expect(maskedLinks(`[a](<https://x.example>)`)).toHaveLength(1);
    expect(maskedLinks(escapeMarkdown(EVIL))).toEqual([]);
    expect(maskedLinks(unmaskLinks(EVIL))).toEqual([]);
  });

  it('shows a website as a plain URL that cannot turn into a masked link or break out of its field', () => {
    expect(plainUrl('https://loft.example/a)[x](https://evil.example')).toBe('https://loft.example/a%29%5Bx%5D%28https://evil.example');
    expect(plainUrl('https://loft.example/path_with*stars')).toBe('https://loft.example/path%5Fwith%2Astars');
    expect(plainUrl('not a url [x](https://evil.example)')).toBe('not a url \\[x\\]\\(https://evil.example\\)');
    const profile = renderProfile('en', space).toJSON();
    expect(profile.fields!.find((f) => f.name === 'Website')!.value).toBe('https://loft.example/a%29%5Bx%5D%28https://evil.example');
  });

  it('a profile and its welcome post show typed links as text', () => {
    const welcome = renderWelcome('en', space);
    expect(maskedLinks(welcome.content)).toEqual([]);
    expect(maskedLinks(embedText(renderProfile('en', space)))).toEqual([]);
  });

  it('a hosted coworking-day event shows its title as text and its link plainly', () => {
    const line = hostingSections(sayIn('en'), [{ spaceName: `Hive ${EVIL}`, title: EVIL, hostUserId: members[0], startsAt: 0, endsAt: 3_600_000, link: 'https://hive.example/icd' }])[0]!.lines[0]!;
    expect(maskedLinks(line)).toEqual([]);
    expect(line).toContain(' · https://hive.example/icd');
  });

  it('the organizers’ note in the monthly update keeps its bold but shows typed links as text', () => {
    const messages = rhythmWriter('en').update({ period: '2026-11', from: 0, aheadTo: 86_400_000, note: `**Big news**: ${EVIL}`, sections: [], timeZone: 'UTC' });
    const text = JSON.stringify(messages);
    expect(maskedLinks(text)).toEqual([]);
    expect(text).toContain('**Big news**');
  });

  it('a proposal, the proposal list and the monthly update lines show typed links as text', () => {
    const { services } = setup();
    const p = services.proposals.create(actor(members[0]), { title: `Printer ${EVIL}`, summary: `Read **this** first: ${EVIL}` }, people);
    const open = services.proposals.list(G1, 'open', 0, 10).items;
    expect(maskedLinks(embedText(renderProposal(en, open[0]!)))).toEqual([]);
    expect(embedText(renderProposal(en, open[0]!))).toContain('**this**');
    expect(maskedLinks(embedText(renderProposalList(en, 'Open', open, 1, 0, 10)))).toEqual([]);
    services.proposals.close(G1, p.id, organizer());
    const sections = createProposalsUpdateSection(services).build({ guildId: G1, from: 0, to: Date.now() * 2, aheadTo: Date.now() * 2, now: Date.now(), timezone: 'UTC' });
    const lines = [sections].flat().flatMap((s) => s?.lines ?? []);
    expect(lines.length).toBeGreaterThan(0);
    expect(maskedLinks(lines.join('\n'))).toEqual([]);
  });
});
