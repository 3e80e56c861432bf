// Finding places by the names people use (issue #14): "New York" and "Washington DC" in /space register,
// /directory search city and /directory near; near in the same city says "in <city>", not 0.0 km.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, MessageView } from '../../src/testbed/types.js';
import { startHarness, visibleText as rawText, type Alliance, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

type Options = CommandInput['options'];
const visibleText = (m: MessageView) => rawText(m).replace(/\\([\\*_`~|>[\]()#-])/g, '$1');
const as = (a: Alliance, member: string) => ({ guildId: a.id, channelId: a.channel('general'), userId: a.userId(member) });

async function register(a: Alliance, member: string, options: Options): Promise<MessageView> {
  const opened = await a.run(member, 'space register', options);
  if (opened.type !== 9) return opened.reply();
  return (await h.bed.driver.submitModal({ ...as(a, member), modal: opened.modal!, values: {} })).reply();
}

async function placeChoices(a: Alliance, typed: string) {
  return h.bed.driver.autocomplete({ ...as(a, 'priya'), name: 'directory', subcommand: 'near', focused: 'place', options: { place: typed } });
}

describe('city names people use', () => {
  it('"New York" registers in New York City, and search by city and near find it by that name', async () => {
    const a = await h.newAlliance();
    await a.setup({ 'directory-approval': false });
    const done = await register(a, 'marcus', { name: 'Hudson Desk', city: 'New York', country: 'US', desks: 12 });
    expect(done.content).toMatch(/Registered \*\*Hudson Desk\*\*/);
    const space = h.bot.services.directory.search(a.id, { text: 'hudson' }).items[0]!;
    expect(space.city).toBe('New York City');
    expect(space.region).toBe('New York');

    expect(visibleText(await a.reply('priya', 'directory search', { city: 'New York' }))).toContain('Hudson Desk');
    const near = visibleText(await a.reply('priya', 'directory near', { place: 'New York', 'radius-km': 10 }));
    expect(near).toContain('Hudson Desk');
    expect((await placeChoices(a, 'New Yo'))[0]!.name).toMatch(/^New York City, New York/);
  });

  it('"Washington DC" and "Washington, DC" are the capital, in register, near and the place list', async () => {
    const a = await h.newAlliance();
    await a.setup({ 'directory-approval': false });
    await register(a, 'marcus', { name: 'Capitol Cowork', city: 'Washington DC', country: 'US', desks: 30 });
    await register(a, 'priya', { name: 'Potomac Loft', city: 'Washington, DC', country: 'US', desks: 8 });
    const cities = h.bot.services.directory.search(a.id, { text: 'capitol' }).items.concat(h.bot.services.directory.search(a.id, { text: 'potomac' }).items);
    expect(cities.map((s) => s.city)).toEqual(['Washington, D.C.', 'Washington, D.C.']);
    const near = visibleText(await a.reply('sam', 'directory near', { place: 'Washington DC', 'radius-km': 5 }));
    expect(near).toContain('Capitol Cowork');
    expect(near).toContain('Potomac Loft');
    expect((await placeChoices(a, 'Washington DC'))[0]!.name).toMatch(/^Washington, D\.C\./);
  });
});

describe('/directory near in the same city', () => {
  it('says "in <city>" instead of 0.0 km, and a space with its own coordinates says how far from the centre', async () => {
    const a = await h.newAlliance();
    await a.setup({ 'directory-approval': false });
    await register(a, 'marcus', { name: 'Center Loft', city: 'Tacoma', country: 'US', desks: 10 });
    await register(a, 'priya', { name: 'Dockside Desk', city: 'Tacoma', country: 'US', desks: 6, latitude: 47.27, longitude: -122.44 });
    await register(a, 'sam', { name: 'Rainier Commons', city: 'Seattle', country: 'US', desks: 40 });
    const near = visibleText(await a.reply('olivia', 'directory near', { place: 'Tacoma', 'radius-km': 100 }));
    expect(near).not.toContain('0.0 km');
    expect(near).toContain('Center Loft** · in Tacoma · 10 desks');
    expect(near).toMatch(/Dockside Desk\*\* · in Tacoma, \d+\.\d km from the centre/);
    expect(near).toMatch(/Rainier Commons\*\* · \d+\.\d km · Seattle/);
  });
});

describe('time-zone autocomplete', () => {
  const zones = async (a: Alliance, typed: string) =>
    (await h.bed.driver.autocomplete({ ...as(a, 'olivia'), name: 'alliance', subcommand: 'setup', focused: 'timezone', options: { timezone: typed } })).map((c) => c.value);

  it('puts the zones of the alliance\'s spaces first, then zones by population; "Amer" reaches America/Chicago', async () => {
    const a = await h.newAlliance();
    await a.setup({ 'directory-approval': false });
    await register(a, 'marcus', { name: 'Rainier Commons', city: 'Seattle', country: 'US', desks: 40 });
    await register(a, 'priya', { name: 'Pike Desk', city: 'Seattle', country: 'US', desks: 10 });
    await register(a, 'sam', { name: 'Prairie Hub', city: 'Omaha', country: 'US', desks: 10 });
    const amer = await zones(a, 'Amer');
    expect(amer.slice(0, 2)).toEqual(['America/Los_Angeles', 'America/Chicago']);
    expect(amer).toContain('America/New_York');
    expect(amer.length).toBeLessThanOrEqual(25);
    expect((await zones(a, ''))[0]).toBe('America/Los_Angeles');
    expect((await zones(a, 'new york'))[0]).toBe('America/New_York');
  });

  it('an alliance without spaces gets the most populous zones first', async () => {
    const a = await h.newAlliance();
    const amer = await zones(a, 'amer');
    expect(amer).toContain('America/Chicago');
    expect(amer.indexOf('America/New_York')).toBeLessThan(amer.indexOf('America/Boise') === -1 ? 25 : amer.indexOf('America/Boise'));
    expect(amer[0]).toBe('America/Sao_Paulo');
  });
});
