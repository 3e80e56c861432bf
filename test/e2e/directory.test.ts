// The directory end to end through the test bed with the real bot: register (modal included) → pending → approve
// by button → welcome → search, near, paging across a restart → export/import round trip → bad input refused with
// nothing stored → hosts, co-hosts, remove with confirm → /space join approved by DM or in the organizers channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/directory/directory-csv.service.js';
import { worldGazetteer } from '../../src/directory/gazetteer.js';
import type { CommandInput, MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText as rawText, type Alliance, type Harness } from '../support/bot.js';
import { csvText } from '../support/csv.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

type Options = CommandInput['options'];
/** What a member reads: Discord hides the backslashes that escape markdown in member text. */
const visibleText = (m: MessageView) => rawText(m).replace(/\\([\\*_`~|>[\]()#-])/g, '$1');
const as = (a: Alliance, member: string, channel = 'general') => ({ guildId: a.id, channelId: a.channel(channel), userId: a.userId(member) });

async function autocomplete(a: Alliance, member: string, path: string, focused: string, options: Options) {
  const [name, ...rest] = path.split(' ');
  const sub = rest.length === 2 ? { group: rest[0], subcommand: rest[1] } : { subcommand: rest[0] };
  return h.bed.driver.autocomplete({ ...as(a, member), name: name!, ...sub, focused, options });
}

/** /space register, then the modal; returns the member's (ephemeral) answer. */
async function register(a: Alliance, member: string, options: Options, modal: Record<string, string> = {}): Promise<MessageView> {
  const opened = await a.run(member, 'space register', options);
  if (opened.type !== 9) return opened.reply();
  const submitted = await h.bed.driver.submitModal({ ...as(a, member), modal: opened.modal!, values: modal });
  return submitted.reply();
}

async function spaceId(a: Alliance, member: string, name: string, sub = 'show'): Promise<number> {
  const choices = await autocomplete(a, member, `space ${sub}`, 'space', { space: name });
  const found = choices.find((c) => c.name.startsWith(name));
  if (!found) throw new Error(`no space "${name}" in ${JSON.stringify(choices)}`);
  return Number(found.value);
}

const click = (a: Alliance, member: string, message: MessageView, label: string) =>
  h.bed.driver.click({ guildId: message.guildId ?? undefined, channelId: message.channelId, userId: a.userId(member), messageId: message.id, label });

const botPosts = (channelId: string) => h.bed.messages(channelId).filter((m) => m.fromBot);
const noPings = (m: MessageView) => expect(m.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
const buttons = (m: MessageView) => m.components.flatMap((row) => row.components ?? []);

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const s = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(s));
}

const RAINIER = { name: 'Rainier Commons', country: 'US', desks: 40, website: 'https://rainier-commons.example.org', 'day-pass': '$25, alliance pass accepted', tags: 'Black Owned, coworking, childcare' };
const RAINIER_MODAL = { description: 'A bright loft by the light rail with a kids corner.', hours: 'Mon-Fri 8:00-18:00', contact: 'Email desk@rainier.example.org; Marcus answers within a day.', accessibility: 'Step-free entrance, accessible restroom.' };

describe('a space from registration to being found', () => {
  it('registers with the modal, waits for approval, is welcomed, and is found by search and near', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const seattle = await autocomplete(a, 'marcus', 'space register', 'city', { city: 'seatt', country: 'US' });
    expect(seattle[0]!.name).toMatch(/^Seattle, Washington/);

    const opened = await a.run('marcus', 'space register', { ...RAINIER, city: String(seattle[0]!.value) });
    expect(opened.type).toBe(9);
    expect(opened.modal!.fields.map((f) => f.customId)).toEqual(['description', 'hours', 'contact', 'accessibility', 'public']);
    const done = await (await h.bed.driver.submitModal({ ...as(a, 'marcus'), modal: opened.modal!, values: RAINIER_MODAL })).reply();
    expect(done.ephemeral).toBe(true);
    expect(done.content).toMatch(/Registered \*\*Rainier Commons\*\*.*pending/);

    // Pending: organizers are told with buttons, nobody is pinged, and search does not list it yet.
    const notice = await h.bed.waitForMessage((m) => m.channelId === a.channel('organizers') && m.content.includes('Rainier Commons'));
    expect(buttons(notice).map((b) => b.label)).toEqual(['Approve Rainier Commons', 'Reject']);
    noPings(notice);
    expect((await a.reply('priya', 'directory search', { text: 'rainier' })).ephemeral).toBe(true);
    expect(visibleText(await a.reply('olivia', 'directory pending'))).toContain('Rainier Commons');
    expect((await (await click(a, 'priya', notice, 'Approve Rainier Commons')).reply()).content).toMatch(/Only organizers/);

    const approved = await (await click(a, 'olivia', notice, 'Approve Rainier Commons')).updated();
    expect(approved.content).toContain('approved by');
    expect(buttons(approved)).toEqual([]);
    const welcome = await h.bed.waitForMessage((m) => m.channelId === a.channel('announcements') && m.content.includes('Welcome'));
    noPings(welcome);
    const profile = visibleText(welcome);
    for (const text of ['Rainier Commons', 'Seattle, Washington, United States', '40', '$25, alliance pass accepted', '`black-owned`', 'https://rainier-commons.example.org', 'Mon-Fri 8:00-18:00', 'Step-free entrance', `<@${a.members.marcus}>`]) {
      expect(profile).toContain(text);
    }
    expect(profile).toMatch(/Joined\n<t:\d+:D>/);

    // Found by text (prefix), city, tag and desks; the too-narrow search says what to widen.
    const found = async (options: Options) => visibleText(await a.reply('priya', 'directory search', options));
    expect(await found({ text: 'rain comm' })).toContain('Rainier Commons');
    expect(await found({ city: 'Seattle' })).toContain('Rainier Commons');
    expect(await found({ tag: 'black-owned' })).toContain('Rainier Commons');
    expect(await found({ 'min-desks': 30, 'max-desks': 50, country: 'United States' })).toContain('Rainier Commons');
    const none = await a.reply('priya', 'directory search', { tag: 'childcare', 'min-desks': 41 });
    expect(none.ephemeral).toBe(true);
    expect(none.content).toContain('remove min-desks (1 space matches without it)');

    // Near Tacoma: the distance a member sees matches the great-circle distance between the gazetteer places.
    const tacoma = await autocomplete(a, 'priya', 'directory near', 'place', { place: 'Tacoma' });
    const near = visibleText(await a.reply('priya', 'directory near', { place: String(tacoma[0]!.value), 'radius-km': 100 }));
    const g = worldGazetteer();
    const expected = km(g.byId(Number(tacoma[0]!.value))!, g.byId(Number(seattle[0]!.value))!);
    expect(near).toContain(`Rainier Commons** · ${expected.toFixed(1)} km`);
    expect((await a.reply('priya', 'directory near', { place: 'Tacoma', 'radius-km': 5 })).content).toContain('widen radius-km');

    const shown = visibleText(await a.reply('priya', 'space show', { space: await spaceId(a, 'priya', 'Rainier') }));
    expect(shown).toContain('Book a day pass / who answers');
    expect(visibleText(await a.reply('sam', 'directory stats'))).toMatch(/1 approved space[\s\S]*United States: \*\*1\*\*/);
  });
});

function csvOf(rows: Record<string, string>[]): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c] ?? '')).join(','))].join('\n') + '\n';
}

const spaceRow = (i: number): Record<string, string> => ({
  name: `Harbor Desk ${String(i).padStart(2, '0')}`, city: 'Seattle', region: 'Washington', country: 'US', desks: String(10 + i), tags: 'coworking,quiet', day_pass: '$15',
});

describe('paging, export and import', () => {
  it('pages 10 at a time (also after a restart) and round-trips the CSV', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const file = { filename: 'spaces.csv', content: csvOf(Array.from({ length: 24 }, (_, i) => spaceRow(i + 1))), contentType: 'text/csv' };
    expect((await a.reply('marcus', 'directory import', { file })).content).toMatch(/Only organizers/);
    expect((await a.reply('olivia', 'directory import', { file })).content).toContain('24 new spaces, 0 updated');

    const first = await a.reply('priya', 'directory search', { tag: 'coworking' });
    expect(first.embeds[0]!.footer!.text).toMatch(/^Page 1 of 3 · 24 spaces/);
    expect(first.embeds[0]!.description!.split('\n').filter((l) => l.startsWith('**'))).toHaveLength(10);
    expect(buttons(first).map((b) => [b.label, b.disabled ?? false])).toEqual([['Previous', true], ['Next', false]]);
    const second = await (await click(a, 'sam', first, 'Next')).updated();
    expect(second.embeds[0]!.footer!.text).toMatch(/^Page 2 of 3/);
    expect(second.embeds[0]!.description).toContain('**11. Harbor Desk 11**');

    await h.restart();
    const third = await (await click(a, 'sam', second, 'Next')).updated();
    expect(third.embeds[0]!.footer!.text).toMatch(/^Page 3 of 3/);
    expect(third.embeds[0]!.description).toContain('**24. Harbor Desk 24**');
    expect(buttons(third).map((b) => b.disabled ?? false)).toEqual([false, true]);
    expect((await (await click(a, 'sam', third, 'Previous')).updated()).embeds[0]!.footer!.text).toMatch(/^Page 2 of 3/);

    const exported = await a.reply('olivia', 'directory export');
    expect(exported.ephemeral).toBe(true);
    const csv = csvText(exported.attachments[0]!);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.trim().split('\n')).toHaveLength(25);
    // The file goes back as exported, byte order mark and all, as an organizer re-uploads it.
    const again = await a.reply('olivia', 'directory import', { file: { filename: 'export.csv', content: exported.attachments[0]!.data, contentType: 'text/csv' } });
    expect(again.content).toContain('0 new spaces, 24 updated');
    expect(csvText((await a.reply('olivia', 'directory export')).attachments[0]!)).toBe(csv);
  });
});

describe('bad input', () => {
  it('refuses each with a short private message naming the field, and stores nothing', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const base = { name: 'Beacon Hall', city: 'Seattle', country: 'US' };
    const refused = async (options: Options, field: RegExp, extra: Partial<CommandInput> = {}) => {
      const result = await a.run('marcus', 'space register', { ...base, ...options }, extra);
      expect(result.type).toBe(4);
      const answer = await result.reply();
      expect(answer.ephemeral).toBe(true);
      expect(answer.content).toMatch(field);
      return answer.content;
    };
    await refused({ website: 'ftp://beacon.example.org' }, /website must be a web address/);
    await refused({ desks: 0 }, /\*\*desks\*\* must be between 1 and 5,000/, { force: true });
    await refused({ desks: 5001 }, /\*\*desks\*\* must be between 1 and 5,000/, { force: true });
    expect(await refused({ city: 'Seattel' }, /city/)).toContain('Seattle');
    await refused({ tags: 'coworking, no way!' }, /tag "no way!"/);
    await refused({ name: 'B'.repeat(81) }, /\*\*name\*\* must be at most 80/, { force: true });
    await refused({ latitude: 47.6 }, /latitude|longitude/);
    await refused({ country: 'Atlantis' }, /country/);

    // A duplicate name in the same city, with user text that would ping if the bot let it.
    await register(a, 'marcus', { ...base, name: '@everyone Lounge' });
    const notice = await h.bed.waitForMessage((m) => m.channelId === a.channel('organizers') && m.content.includes('Lounge'));
    noPings(notice);
    await refused({ name: '@Everyone lounge' }, /already a space called/);

    // CSV: not CSV, too big, one bad row among good ones → nothing imported.
    const imp = (file: { filename: string; content: string | Buffer; contentType?: string }) => a.reply('olivia', 'directory import', { file });
    expect((await imp({ filename: 'logo.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), contentType: 'image/png' })).content).toMatch(/\*\*file\*\* must be a \.csv/);
    expect((await imp({ filename: 'spaces.csv', content: 'name,city\n"unclosed' })).content).toMatch(/file (is not valid CSV|header)/);
    expect((await imp({ filename: 'big.csv', content: Buffer.alloc(5 * 1024 * 1024 + 10, 'a') })).content).toMatch(/file.* larger than 5 MB/);
    const bad = await imp({ filename: 'spaces.csv', content: csvOf([spaceRow(1), { ...spaceRow(2), desks: '9000', website: 'nope' }, { ...spaceRow(3), city: 'Nowhereville' }]) });
    expect(bad.content).toMatch(/Nothing was imported: 3 problems/);
    expect(visibleText(bad)).toMatch(/row 3 desks[\s\S]*row 3 website[\s\S]*row 4 city/);

    const stats = visibleText(await a.reply('olivia', 'directory stats'));
    expect(stats).toContain('0 approved spaces');
    const pending = visibleText(await a.reply('olivia', 'directory pending'));
    expect(pending).toContain('Waiting for approval (1)');
  });
});

describe('hosts', () => {
  it('lets only hosts and organizers edit or remove; co-hosts can edit; remove asks first', async () => {
    const a = await h.newAlliance();
    await a.setup({ 'directory-approval': false });
    const done = await register(a, 'marcus', { ...RAINIER, city: 'Seattle' }, RAINIER_MODAL);
    expect(done.content).toContain('listed now');
    await h.bed.waitForMessage((m) => m.channelId === a.channel('announcements') && m.content.includes('Welcome'));
    const id = await spaceId(a, 'marcus', 'Rainier', 'edit');

    expect((await a.reply('priya', 'space edit', { space: id, desks: 50 })).content).toMatch(/🚫 Only the space’s hosts or an organizer can edit/);
    expect((await a.reply('priya', 'space edit', { space: id })).content).toMatch(/🚫/);
    expect((await a.reply('priya', 'space remove', { space: id })).content).toMatch(/🚫 Only the space’s hosts or an organizer can remove/);
    expect(visibleText(await a.reply('priya', 'space show', { space: id }))).toContain('40');

    await a.reply('marcus', 'space hosts add', { space: id, user: a.members.priya });
    expect(visibleText(await a.reply('priya', 'space edit', { space: id, desks: 50, website: '-' }))).toMatch(/Desks\n50/);
    const opened = await a.run('marcus', 'space edit', { space: id });
    expect(opened.modal!.fields.find((f) => f.customId === 'hours')!.value).toBe('Mon-Fri 8:00-18:00');
    const saved = await (await h.bed.driver.submitModal({ ...as(a, 'marcus'), modal: opened.modal!, values: { ...RAINIER_MODAL, hours: 'Daily 7:00-22:00' } })).reply();
    expect(visibleText(saved)).toContain('Daily 7:00-22:00');
    expect(visibleText(saved)).not.toContain('rainier-commons.example.org');

    const confirm = await a.reply('marcus', 'space remove', { space: id });
    expect((await (await click(a, 'marcus', confirm, 'Keep it')).updated()).content).toContain('nothing was removed');
    const again = await a.reply('marcus', 'space remove', { space: id });
    expect((await (await click(a, 'marcus', again, 'Remove')).updated()).content).toContain('Removed **Rainier Commons**');
    expect((await a.reply('priya', 'directory search', { text: 'rainier' })).content).toContain('no spaces found');
  });
});

describe('/space join', () => {
  it('asks the host by DM, or in the organizers channel when the host takes no DMs', async () => {
    const a = await h.newAlliance();
    await a.setup({ 'directory-approval': false });
    await register(a, 'marcus', { name: 'Tideflats Makers', city: 'Tacoma', country: 'US', tags: 'makerspace' });
    const asked = await a.reply('priya', 'space join', { space: await spaceId(a, 'priya', 'Tideflats', 'join') });
    expect(asked.content).toContain('by direct message');
    const dm = await h.bed.waitForMessage((m) => m.channelId === h.bed.dmChannel(a.members.marcus)?.id && m.content.includes('asks to be listed'));
    expect(dm.content).toContain(`<@${a.members.priya}>`);
    expect((await (await click(a, 'marcus', dm, 'Approve')).updated()).content).toContain('is now listed as working from **Tideflats Makers**');
    await h.bed.waitForMessage((m) => m.channelId === h.bed.dmChannel(a.members.priya)?.id && m.content.includes('approved'));
    expect(visibleText(await a.reply('sam', 'space show', { space: await spaceId(a, 'sam', 'Tideflats') }))).toMatch(new RegExp(`People\\n<@${a.members.priya}>`));

    a.guild.addMember({ username: 'lee', dmsOpen: false });
    await register(a, 'lee', { name: 'Rainbow Room Studios', city: 'Seattle', country: 'US' });
    const viaChannel = await a.reply('sam', 'space join', { space: await spaceId(a, 'sam', 'Rainbow', 'join') });
    expect(viaChannel.content).toContain(`in <#${a.channel('organizers')}>`);
    const fallback = botPosts(a.channel('organizers')).find((m) => m.content.includes('asks to be listed'))!;
    noPings(fallback);
    expect((await (await click(a, 'priya', fallback, 'Approve')).reply()).content).toMatch(/🚫/);
    expect((await (await click(a, 'lee', fallback, 'Approve')).updated()).content).toContain(`<@${a.members.sam}> is now listed`);
    expect(visibleText(await a.reply('sam', 'space show', { space: await spaceId(a, 'sam', 'Rainbow') }))).toContain(`<@${a.members.sam}>`);
  });
});
