// Directory imports an organizer can trust, end to end: a Windows-1252 file is read letter for letter and the answer
// says so, bytes that are no text are refused, one bad row is still a report naming row and field, hosts must be
// members of this alliance, and re-importing an export leaves pending spaces pending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/directory/directory-csv.service.js';
import { startHarness, visibleText, type Alliance, type Harness } from '../support/bot.js';
import { csvText } from '../support/csv.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const header = CSV_COLUMNS.join(',');
const row = (name: string, hosts = '') => `${name},Seattle,Washington,US,,,12,,,coworking,,,,,${hosts},,`;
const imp = (a: Alliance, content: string | Buffer) => a.reply('olivia', 'directory import', { file: { filename: 'spaces.csv', content, contentType: 'text/csv' } });

describe('directory import', () => {
  it('reads a Windows-1252 file letter for letter and says it did', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const bytes = Buffer.concat([Buffer.from(`${header}\r\n`), Buffer.from('Caf'), Buffer.from([0xe9, 0x20, 0x93]), Buffer.from('Mile'), Buffer.from([0x94]), Buffer.from(`${row('')}\r\n`)]);
    const answer = await imp(a, bytes);
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toMatch(/1 new space, 0 updated/);
    expect(answer.content).toMatch(/read it as Windows-1252/);
    const found = visibleText(await a.reply('marcus', 'directory search', { city: 'Seattle' }));
    expect(found).toContain('Café “Mile”');
    expect(found).not.toContain('\uFFFD');
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252 and stores nothing', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const answer = await imp(a, Buffer.concat([Buffer.from(`${header}\n`), Buffer.from([0x41, 0x81, 0x8d]), Buffer.from(`${row('')}\n`)]));
    expect(answer.content).toMatch(/neither UTF-8 nor Windows-1252/);
    expect(visibleText(await a.reply('olivia', 'directory stats'))).toContain('0 approved spaces');
  });

  it('reports a single bad row with its row and field, like several', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const answer = await imp(a, `${header}\n${row('Good One')}\n${row('Bad Desks').replace(',12,', ',0,')}\n`);
    expect(answer.content).toMatch(/Nothing was imported: 1 problem in the file/);
    expect(visibleText(answer)).toMatch(/row 3 desks/);
  });

  it('accepts hosts who are members of this alliance and reports others per row', async () => {
    const a = await h.newAlliance();
    const b = await h.newAlliance();
    await a.setup();
    const stranger = b.members.marcus;
    const refused = await imp(a, `${header}\n${row('Loft', a.members.priya)}\n${row('Annex', `${a.members.sam} ${stranger}`)}\n`);
    expect(visibleText(refused)).toContain(`row 3 hosts ${stranger} is not a member of this alliance`);
    expect(visibleText(refused)).not.toMatch(/row 2/);
    const done = await imp(a, `${header}\n${row('Loft', a.members.priya)}\n${row('Annex', a.members.sam)}\n`);
    expect(done.content).toMatch(/2 new spaces/);
  });

  it('re-importing an export keeps pending spaces pending; only new rows are approved', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const opened = await a.run('marcus', 'space register', { name: 'Beacon Hall', city: 'Seattle', country: 'US' });
    await h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, modal: opened.modal!, values: {} });
    const exported = csvText((await a.reply('olivia', 'directory export')).attachments[0]!);
    expect(exported).toContain(',pending,');
    const answer = await imp(a, `${exported}${row('Harbor Desk')}\r\n`);
    expect(answer.content).toMatch(/1 new space, 1 updated/);
    expect(visibleText(await a.reply('olivia', 'directory pending'))).toContain('Waiting for approval (1)');
    expect(visibleText(await a.reply('olivia', 'directory stats'))).toContain('1 approved space');
  });
});
