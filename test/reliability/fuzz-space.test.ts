// Hostile input for the directory's forms, property-based: /space register with hostile options around a real
// place and then hostile texts in every field of its form (description, hours, day-pass booking/contact,
// accessibility), and /space edit's options and form. The generic fuzz rarely gets past the place check, so this
// one aims at the forms. No crash, replies Discord accepts, no space stored when the answer is an error, no pings.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, InteractionResult } from '../../src/testbed/types.js';
import { startHarness, type Alliance, type Harness } from '../support/bot.js';
import { createChecker, pingingBotMessages, REFUSED, type Checker } from './support/checks.js';
import { commandPaths, type OptionDef } from './support/definitions.js';
import { hostileInteger, hostileNumber, hostileString } from './support/hostile.js';
import { rowCounts } from './support/scenario.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 5);
const SEED = Number(process.env['FUZZ_SEED'] ?? 42);
let h: Harness;
let a: Alliance;
let checker: Checker;
let text: fc.Arbitrary<string>;
let submissions = 0;
beforeAll(async () => {
  h = await startHarness();
  a = await h.newAlliance();
  await a.setup();
  checker = createChecker(h);
  text = hostileString({ userId: a.members.sam, roleId: a.guild.role('Organizers'), channelId: a.channel('general') });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const as = (member: Member) => ({ guildId: a.id, channelId: a.channel('general'), userId: a.members[member] });
const spaceRow = (id: number) => JSON.stringify(h.bot.database.sqlite.prepare('SELECT * FROM spaces WHERE id = ?').get(id));
const options = (sub: string): OptionDef[] => commandPaths(h.bed.commands(a.id).length ? h.bed.commands(a.id) : h.bed.commands()).find((p) => p.name === 'space' && p.subcommand === sub)!.options;

/** Hostile values for the profile options; the place mostly a real one so the form opens. */
function profileOption(o: OptionDef, unique: () => string): fc.Arbitrary<unknown> {
  if (o.name === 'name') return fc.oneof({ weight: 3, arbitrary: text.map((t) => `${unique()} ${t}`.slice(0, 80)) }, { weight: 1, arbitrary: text });
  if (o.name === 'city') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom('Seattle', 'Tacoma') }, { weight: 1, arbitrary: text });
  if (o.name === 'country') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom('US', 'us', 'United States') }, { weight: 1, arbitrary: text });
  const hostile = o.type === 4 ? hostileInteger(o) : o.type === 10 ? hostileNumber(o)
    : o.name === 'website' ? fc.oneof(text, fc.constantFrom('javascript:alert(1)', 'http://<@&1>.example', `https://${'a'.repeat(300)}.example`)) : text;
  // Mostly a value that passes, so a single hostile option at a time reaches the form often enough.
  const fine: Record<string, fc.Arbitrary<unknown>> = {
    region: fc.constant('Washington'), desks: fc.integer({ min: 1, max: 5000 }), website: fc.constant('https://ok.example.org'),
    'day-pass': fc.constant('$25, alliance pass accepted'), tags: fc.constant('coworking, childcare'),
    latitude: fc.double({ min: 47.5, max: 47.7, noNaN: true }), longitude: fc.double({ min: -122.4, max: -122.2, noNaN: true }),
  };
  return fine[o.name] ? fc.oneof({ weight: 3, arbitrary: fine[o.name]! }, { weight: 1, arbitrary: hostile }) : hostile;
}

/** Four field values; a forced submission keeps them whole (a modified client), otherwise cut to each field's maximum. */
const formValues = () => fc.record({ fields: fc.array(fc.oneof(text, fc.constantFrom('x'.repeat(10_000), '@everyone '.repeat(1000))), { minLength: 4, maxLength: 4 }), force: fc.boolean() });

async function submit(result: InteractionResult, member: Member, form: { fields: string[]; force: boolean }, label: string): Promise<{ kind: string; text: string } | null> {
  const modal = result.modal!;
  const values = Object.fromEntries(modal.fields.map((f, i) => {
    const v = form.fields[i] ?? '';
    return [f.customId, form.force ? v : [...v].slice(0, f.maxLength ?? 4000).join('')];
  }));
  const before = h.bed.requests.length;
  const counts = rowCounts(h);
  submissions += 1;
  const submitted = await h.bed.driver.submitModal({ ...as(member), modal, values, force: form.force }).catch((error: unknown) => {
    checker.problems.push(`${label}: ${String(error).slice(0, 200)}`);
    return null;
  });
  return checker.check(`${label} form${form.force ? ' (forced)' : ''} ${JSON.stringify(values).slice(0, 200)}`, submitted, before, counts);
}

type Member = 'olivia' | 'marcus';
const members = fc.constantFrom<Member>('olivia', 'marcus');

/** Runs /space <sub> forced past the client's checks and checks the answer; counts are from just before it. */
async function spaceCommand(member: Member, sub: string, options: object, label: string) {
  const before = h.bed.requests.length;
  const counts = rowCounts(h);
  const result = await h.bed.driver.command({ ...as(member), name: 'space', subcommand: sub, options: options as CommandInput['options'], force: true }).catch((error: unknown) => {
    checker.problems.push(`${label}: ${String(error).slice(0, 200)}`);
    return null;
  });
  return { result, counts, answer: await checker.check(label, result, before, counts) };
}

describe('hostile input in the directory forms', () => {
  it('/space register: hostile options, then hostile texts in every field of its form; a refused form stores no space', async () => {
    let n = 0;
    const unique = () => `Fuzz ${++n}`;
    const defs = options('register');
    const required = defs.filter((o) => o.required);
    const record = fc.oneof(
      fc.record(Object.fromEntries(required.map((o) => [o.name, profileOption(o, unique)]))),
      // Coordinates come in pairs (one alone is refused before the form, and the e2e test covers that).
      fc.record(Object.fromEntries(defs.map((o) => [o.name, profileOption(o, unique)])), { requiredKeys: required.map((o) => o.name) })
        .map((v) => ('latitude' in v) === ('longitude' in v) ? v : Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'latitude' && k !== 'longitude'))),
    );
    let opened = 0;
    let registered = 0;
    await fc.assert(
      fc.asyncProperty(record, formValues(), members, async (values, form, member) => {
        const label = `/space register as ${member} ${JSON.stringify(values).slice(0, 300)}`;
        const { result, counts, answer: first } = await spaceCommand(member, 'register', values, label);
        if (process.env['FUZZ_DEBUG'] && first.kind === 'refused') console.log(first.text.slice(0, 90));
        if (result?.type !== 9) return;
        opened += 1;
        const spaces = counts['spaces'] ?? 0;
        const answer = await submit(result, member, form, label);
        const after = rowCounts(h);
        if (answer && REFUSED.test(answer.text) && after['spaces'] !== spaces) checker.problems.push(`${label}: refused form but a space was stored`);
        if (answer && /^✅ Registered/.test(answer.text)) {
          registered += 1;
          if (after['spaces'] !== spaces + 1 || after['space_hosts'] !== (counts['space_hosts'] ?? 0) + 1) checker.problems.push(`${label}: registered but spaces/hosts did not grow by one`);
        }
      }),
      { numRuns: RUNS * 12, seed: SEED },
    );
    console.log(`fuzz-space: /space register × ${RUNS * 12}: ${opened} forms opened, ${registered} registered, ${checker.cases} interactions ${JSON.stringify(checker.outcomes)}, ${checker.problems.length} problems`);
    expect(opened).toBeGreaterThan(RUNS);
    expect(checker.problems.slice(0, 20)).toEqual([]);
  }, 180_000);

  it('/space edit: hostile options, and hostile texts in its form; a refused edit leaves the space as it was', async () => {
    checker.problems.length = 0;
    const start = checker.cases;
    const done = await h.bed.driver.command({ ...as('marcus'), name: 'space', subcommand: 'register', options: { name: 'Edit Target', city: 'Seattle', country: 'US' } });
    await (await h.bed.driver.submitModal({ ...as('marcus'), modal: done.modal!, values: { description: 'Before the fuzz.' } })).reply();
    const spaceId = (h.bot.database.sqlite.prepare("SELECT id FROM spaces WHERE guild_id = ? AND name = 'Edit Target'").get(a.id) as { id: number }).id;
    const defs = options('edit').filter((o) => o.name !== 'space');
    // No options opens the form; with options the patch is saved at once.
    const patch = fc.oneof(fc.constant({}), fc.record(Object.fromEntries(defs.map((o) => [o.name, profileOption(o, () => 'Edit Target')])), { requiredKeys: [] }));
    let forms = 0;
    await fc.assert(
      fc.asyncProperty(patch, formValues(), members, async (values, form, member) => {
        const label = `/space edit as ${member} ${JSON.stringify(values).slice(0, 300)}`;
        const row = spaceRow(spaceId);
        const { result, answer } = await spaceCommand(member, 'edit', { space: spaceId, ...values }, label);
        if (REFUSED.test(answer.text) && spaceRow(spaceId) !== row) checker.problems.push(`${label}: refused but the space changed`);
        if (result?.type !== 9) return;
        forms += 1;
        const saved = await submit(result, member, form, label);
        if (saved && REFUSED.test(saved.text) && spaceRow(spaceId) !== row) checker.problems.push(`${label}: refused form but the space changed`);
      }),
      { numRuns: RUNS * 12, seed: SEED },
    );
    console.log(`fuzz-space: /space edit × ${RUNS * 12}: ${forms} forms opened, ${checker.cases - start} interactions (all so far ${JSON.stringify(checker.outcomes)}), ${checker.problems.length} problems`);
    expect(forms).toBeGreaterThan(0);
    expect(checker.problems.slice(0, 20)).toEqual([]);
  }, 180_000);

  it('no message the bot sent during the directory fuzz pinged anyone', () => {
    const { count, pinged } = pingingBotMessages(h, a);
    console.log(`fuzz-space: ${submissions} hostile form submissions, ${count} bot messages checked for pings`);
    expect(count).toBeGreaterThan(0);
    expect(pinged).toEqual([]);
  });
});
