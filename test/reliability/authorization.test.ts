// Authorization: every organizer-only command path (read from the command modules, so new ones are covered) and
// every host-, author- or creator-only action, tried by a plain member even past default_member_permissions, is
// refused with nothing changed. Two alliances in one bot: nothing of one shows in or changes the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../src/testbed/types.js';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';
import { benignOptions, commandPaths, organizerOnlyPaths } from './support/definitions.js';
import { rowCounts, steps, type ScenarioState } from './support/scenario.js';

let h: Harness;
let a: Alliance;
const state: ScenarioState = {};
beforeAll(async () => {
  h = await startHarness();
  a = await h.newAlliance();
  for (const step of steps.slice(0, 5)) await step.run(h, a, state);
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const REFUSED = /Only organizers|🚫|only .*(organizer|author|creator|host)|not allowed|can't|cannot/i;

async function attempt(member: string, path: string, options: CommandInput['options'], alliance = a): Promise<string> {
  const result = await alliance.run(member, path, options, { force: true });
  if (result.type === 9) return '(opened a form)';
  return visibleText(await result.reply());
}

describe('authorization matrix', () => {
  it('every organizer-only command path is refused for a plain member, nothing changed', async () => {
    const labels = organizerOnlyPaths();
    const all = commandPaths(h.bed.commands(a.id).length ? h.bed.commands(a.id) : h.bed.commands());
    const refused: string[] = [];
    const failures: string[] = [];
    for (const path of all.filter((p) => labels.includes(p.label))) {
      const options = benignOptions(path, { userId: a.members.priya, channelId: a.channel('general'), roleId: a.guild.role('Organizers'), numberFor: (o) => (o.autocomplete ? (path.name === 'proposal' ? state.proposalId : state.meetingId) : undefined) });
      const before = rowCounts(h);
      const text = await attempt('marcus', path.label.slice(1), options);
      const changed = JSON.stringify(rowCounts(h)) !== JSON.stringify(before);
      if (!/Only organizers/.test(text) || changed) failures.push(`${path.label}: ${text.slice(0, 120)}${changed ? ' (database changed)' : ''}`);
      else refused.push(path.label);
    }
    console.log(`authorization: ${refused.length} organizer-only paths refused for a plain member: ${refused.join(', ')}`);
    expect(failures).toEqual([]);
    expect(refused).toEqual(expect.arrayContaining(['/alliance setup', '/alliance show', '/rules set', '/priorities set', '/priorities clear', '/proposal close', '/updates settings', '/updates note', '/updates post-now', '/coworkingday settings', '/participation report']));
    expect(refused).toEqual(expect.arrayContaining(['/pass issue', '/pass visits', '/pass export', '/perks add', '/perks remove']));
    expect(refused).toEqual(expect.arrayContaining(['/dues plan', '/dues record', '/dues correct', '/dues export']));
  }, 120_000);

  it("someone else's agenda item, meeting and proposal: a plain member can't move, remove, cancel or withdraw them", async () => {
    const item = h.bot.services.meetings.agenda(a.id, state.meetingId!).items[0]!;
    const cases: [string, CommandInput['options']][] = [
      ['agenda remove', { item: item.id }],
      ['agenda move', { item: item.id, position: 1 }],
      ['meeting cancel', { meeting: state.meetingId! }],
      ['proposal withdraw', { proposal: state.proposalId! }],
    ];
    const failures: string[] = [];
    for (const [path, options] of cases) {
      const before = rowCounts(h);
      const text = await attempt('sam', path, options);
      if (!REFUSED.test(text) || JSON.stringify(rowCounts(h)) !== JSON.stringify(before)) failures.push(`${path}: ${text.slice(0, 160)}`);
    }
    expect(failures).toEqual([]);
    expect(h.bot.services.meetings.get(a.id, state.meetingId!).status).toBe('scheduled');
    expect(h.bot.services.proposals.get(a.id, state.proposalId!).status).toBe('open');
  });
});

describe('spaces', () => {
  it("approving or rejecting a listing, and editing, removing or co-hosting someone else's space: refused for a plain member", async () => {
    const dir = h.bot.services.directory;
    const asMember = (userId: string, isOrganizer = false) => ({ guildId: a.id, userId, isOrganizer, roleIds: [] });
    const pending = dir.register(asMember(a.members.priya), { name: 'Pending Loft', city: 'Seattle', country: 'US', desks: 10 }).space;
    const listed = dir.register(asMember(a.members.priya), { name: 'Priya Desk', city: 'Seattle', country: 'US', desks: 10 }).space;
    dir.approve(asMember(a.members.olivia, true), listed.id);
    const failures: string[] = [];
    const cases: [string, CommandInput['options']][] = [
      ['space edit', { space: listed.id, desks: 99 }],
      ['space remove', { space: listed.id }],
      ['space hosts add', { space: listed.id, user: a.members.sam }],
      ['space hosts remove', { space: listed.id, user: a.members.priya }],
    ];
    for (const [path, options] of cases) {
      const before = rowCounts(h);
      const text = await attempt('sam', path, options);
      if (!REFUSED.test(text) || JSON.stringify(rowCounts(h)) !== JSON.stringify(before)) failures.push(`${path}: ${text.slice(0, 160)}`);
    }
    const anchor = await a.reply('sam', 'help');
    for (const action of ['approve', 'reject']) {
      const before = rowCounts(h);
      const result = await h.bed.driver.rawComponent({ guildId: a.id, channelId: anchor.channelId, userId: a.members.sam, messageId: anchor.id, customId: `v1:directory:${action}:${pending.id}` });
      const text = visibleText(await result.reply());
      if (!/Only organizers/.test(text) || JSON.stringify(rowCounts(h)) !== JSON.stringify(before)) failures.push(`${action} button: ${text.slice(0, 160)}`);
    }
    expect(failures).toEqual([]);
    expect(dir.show(asMember(a.members.olivia, true), pending.id).status).toBe('pending');
    expect(dir.show(asMember(a.members.olivia, true), listed.id).desks).toBe(10);
  });
});

describe('pass and leads', () => {
  it("checking in at a space one does not host, another host's pass terms, someone else's lead outcome or answer: refused, nothing changed", async () => {
    const dir = h.bot.services.directory;
    const asMember = (userId: string, isOrganizer = false) => ({ guildId: a.id, userId, isOrganizer, roleIds: [] });
    const listed = (userId: string, name: string) => {
      const created = dir.register(asMember(userId), { name, city: 'Tacoma', country: 'US', desks: 10 }).space;
      dir.approve(asMember(a.members.olivia, true), created.id);
      return created.id;
    };
    const harbor = listed(a.members.priya, 'Authz Harbor');
    const prairie = listed(a.members.sam, 'Authz Prairie');
    h.bot.services.pass.setSpaceTerms(asMember(a.members.priya), harbor, { accepts: true });
    const pass = h.bot.services.pass.issue(asMember(a.members.olivia, true), { userId: a.members.olivia });
    const { lead } = h.bot.services.leads.send(asMember(a.members.priya), { toSpaceId: prairie, need: 'Authz lead', consent: false, fromSpaceId: harbor });
    const failures: string[] = [];
    const cases: [string, string, CommandInput['options']][] = [
      ['sam', 'pass checkin', { 'pass-code-or-member': pass.code, space: harbor }],
      ['sam', 'space edit', { space: harbor, pass: 'no' }],
      ['marcus', 'lead outcome', { lead: lead.id, result: 'won' }],
      ['marcus', 'lead send', { 'to-space': harbor, need: 'Not a host' }],
    ];
    for (const [member, path, options] of cases) {
      const before = rowCounts(h);
      const text = await attempt(member, path, options);
      if (!REFUSED.test(text) || JSON.stringify(rowCounts(h)) !== JSON.stringify(before)) failures.push(`${path}: ${text.slice(0, 160)}`);
    }
    const anchor = await a.reply('marcus', 'help');
    const before = rowCounts(h);
    const pressed = await h.bed.driver.rawComponent({ guildId: a.id, channelId: anchor.channelId, userId: a.members.marcus, messageId: anchor.id, customId: `v1:lead:answer:${a.id}:${lead.id}:1` });
    const text = visibleText(await pressed.reply());
    if (!REFUSED.test(text) || JSON.stringify(rowCounts(h)) !== JSON.stringify(before)) failures.push(`lead answer button: ${text.slice(0, 160)}`);
    expect(failures).toEqual([]);
    expect(h.bot.services.leads.get(a.id, lead.id).status).toBe('open');
    expect(h.bot.services.pass.mine(asMember(a.members.olivia))[0]!.used).toBe(0);
  });
});

describe('dues', () => {
  it("another space's dues standing and ledger: refused for a member who does not host it, nothing changed", async () => {
    const dir = h.bot.services.directory;
    const organizer = { guildId: a.id, userId: a.members.olivia, isOrganizer: true, roleIds: [] };
    const { space } = dir.register({ guildId: a.id, userId: a.members.priya, isOrganizer: false, roleIds: [] }, { name: 'Priya Dues Desk', city: 'Seattle', country: 'US', desks: 4 });
    if (space.status === 'pending') dir.approve(organizer, space.id);
    h.bot.services.dues.setPlan(organizer, { amount: '50', currency: 'USD', period: 'monthly' });
    h.bot.services.dues.record(organizer, { spaceId: space.id, amount: '50', note: 'ref 123' });
    const before = rowCounts(h);
    const text = await attempt('sam', 'dues status', { space: space.id });
    expect(text).toMatch(REFUSED);
    expect(text).not.toContain('ref 123');
    const own = await attempt('sam', 'dues status', {});
    expect(own).not.toContain('Priya Dues Desk');
    expect(JSON.stringify(rowCounts(h))).toBe(JSON.stringify(before));
  });
});

describe('two alliances in one bot', () => {
  it("ids, autocomplete, exports and crafted buttons from one alliance never reach the other's data", async () => {
    const b = await h.newAlliance('Other Alliance');
    await b.setup({ timezone: 'UTC' });
    const before = rowCounts(h);
    const aMeeting = state.meetingId!;
    const aProposal = state.proposalId!;
    const answers = [
      await attempt('olivia', 'agenda add', { meeting: aMeeting, topic: 'Leak', minutes: 5 }, b),
      await attempt('olivia', 'agenda show', { meeting: aMeeting }, b),
      await attempt('olivia', 'meeting cancel', { meeting: aMeeting }, b),
      await attempt('olivia', 'proposal close', { proposal: aProposal }, b),
      await attempt('olivia', 'proposal show', { proposal: aProposal }, b),
      await attempt('olivia', 'proposal vote', { proposal: aProposal, choice: 'yes' }, b),
    ];
    answers.push(await attempt('olivia', 'dues status', {}, b), await attempt('olivia', 'dues correct', { entry: 1 }, b));
    for (const text of answers) expect(text).not.toMatch(/Fault meetup|Shared printer|Shared insurance|Priya Dues Desk/);
    expect(JSON.stringify(rowCounts(h))).toBe(JSON.stringify(before));
    expect(h.bot.services.meetings.get(a.id, aMeeting).status).toBe('scheduled');

    const base = { guildId: b.id, channelId: b.channel('general'), userId: b.members.olivia };
    const meetingChoices = await h.bed.driver.autocomplete({ ...base, name: 'agenda', subcommand: 'show', focused: 'meeting', options: { meeting: 'Fault' } });
    const proposalChoices = await h.bed.driver.autocomplete({ ...base, name: 'proposal', subcommand: 'show', focused: 'proposal', options: { proposal: 'Shared' } });
    const skillChoices = await h.bed.driver.autocomplete({ ...base, name: 'skills', subcommand: 'who', focused: 'skill', options: { skill: 'bookk' } });
    expect(JSON.stringify([meetingChoices, proposalChoices])).not.toMatch(/Fault meetup|Shared printer/);
    const who = await attempt('olivia', 'skills who', { skill: String(skillChoices[0]?.value ?? 'bookkeeping') }, b);
    expect(who).not.toContain(a.members.marcus);

    // The monthly update B would post (the preview shows exactly the scheduled post) carries nothing of A.
    const preview = await attempt('olivia', 'updates preview', {}, b);
    expect(preview).not.toMatch(/Fault meetup|Shared printer|Shared insurance|Bookkeeping/);

    const exported = await b.reply('marcus', 'privacy export');
    expect(exported.attachments[0]!.data.toString('utf8')).not.toContain(a.id);

    // A delete button crafted with alliance A's member id, pressed in alliance B: refused, A's data intact.
    const anchor = await b.reply('olivia', 'privacy delete');
    const crafted = await h.bed.driver.rawComponent({ ...base, userId: b.members.marcus, messageId: anchor.id, customId: `v1:privacy:delete:${a.members.marcus}`, force: true } as never);
    expect(visibleText(await crafted.reply())).toMatch(/another member/);
    expect(h.bot.services.privacy.export({ guildId: a.id, userId: a.members.marcus, isOrganizer: false, roleIds: [] }).data['skill_entries']).toHaveLength(1);
  }, 60_000);
});
