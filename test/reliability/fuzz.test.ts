// Hostile input, property-based: every registered command path (read from the bed, so new commands are covered),
// every modal it opens and every custom id, fed Unicode tricks, Markdown, mentions, 10,000 characters, numbers past
// their bounds and broken dates. No crash, no reply Discord would refuse, nothing stored half, nobody pinged.
import { createWriteStream } from 'node:fs';
import fc from 'fast-check';
import { createLogger } from '../../src/shared/logger.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../src/testbed/types.js';
import { startHarness, type Alliance, type Harness } from '../support/bot.js';
import { createChecker, pingingBotMessages, type Checker } from './support/checks.js';
import { commandPaths, type OptionDef } from './support/definitions.js';
import { hostileInteger, hostileNumber, hostileString } from './support/hostile.js';
import { rowCounts, steps, type ScenarioState } from './support/scenario.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 5);
let h: Harness;
let a: Alliance;
const state: ScenarioState = {};
let checker: Checker;
let problems: string[];
beforeAll(async () => {
  h = await startHarness(process.env['FUZZ_LOG'] ? { logger: createLogger('error', createWriteStream(process.env['FUZZ_LOG'])) } : {});
  a = await h.newAlliance();
  checker = createChecker(h);
  problems = checker.problems;
  for (const step of steps.slice(0, 5)) await step.run(h, a, state);
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

function valueFor(option: OptionDef, text: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const ids = { users: Object.values(a.members), channels: [a.channel('general'), a.channel('meetings'), a.channel('Coworking call')], roles: [a.guild.role('Organizers')] };
  const meetingOrProposal = fc.constantFrom(state.meetingId ?? 1, state.proposalId ?? 1);
  switch (option.type) {
    case 3: return option.choices?.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...option.choices.map((c) => c.value)) }, { weight: 1, arbitrary: text }) : text;
    case 4: return option.autocomplete ? fc.oneof(meetingOrProposal, hostileInteger(option)) : hostileInteger(option);
    case 5: return fc.boolean();
    case 6: return fc.constantFrom(...ids.users, h.bed.botUserId);
    case 7: return fc.constantFrom(...ids.channels);
    case 8: return fc.constantFrom(...ids.roles, a.guild.everyoneRoleId);
    case 10: return hostileNumber(option);
    case 11: return fc.record({ filename: fc.constantFrom('x.csv', 'big.csv', '../../evil.json'), content: text });
    default: return fc.constant(undefined);
  }
}

describe('hostile input', () => {
  it('every command path, with hostile options (and the modals they open)', async () => {
    const paths = commandPaths(h.bed.commands(a.id).length ? h.bed.commands(a.id) : h.bed.commands());
    expect(paths.length).toBeGreaterThan(40);
    const ids = { userId: a.members.sam, roleId: a.guild.role('Organizers'), channelId: a.channel('general') };
    const text = hostileString(ids);
    for (const path of paths) {
      const options = fc.record(
        Object.fromEntries(path.options.map((o) => [o.name, valueFor(o, text)])),
        { requiredKeys: path.options.filter((o) => o.required).map((o) => o.name) },
      );
      await fc.assert(
        fc.asyncProperty(options, fc.constantFrom('olivia', 'marcus'), fc.array(text, { minLength: 5, maxLength: 5 }), async (values, member, fieldValues) => {
          const input: CommandInput = {
            guildId: a.id, channelId: a.channel('general'), userId: a.userId(member), name: path.name, force: true,
            ...(path.group ? { group: path.group } : {}), ...(path.subcommand ? { subcommand: path.subcommand } : {}),
            options: values as CommandInput['options'],
          };
          const label = `${path.label} as ${member} ${JSON.stringify(values).slice(0, 300)}`;
          const before = h.bed.requests.length;
          const counts = rowCounts(h);
          const result = await h.bed.driver.command(input).catch((error: unknown) => {
            problems.push(`${label}: ${String(error).slice(0, 200)}`);
            return null;
          });
          await checker.check(label, result, before, counts);
          if (result?.type === 9 && result.modal) {
            const values = Object.fromEntries(result.modal.fields.map((f, i) => [f.customId, fieldValues[i] ?? '']));
            const submitted = await h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('general'), userId: a.userId(member), modal: result.modal, values }).catch((error: unknown) => {
              problems.push(`${label} modal: ${String(error).slice(0, 200)}`);
              return null;
            });
            await checker.check(`${label} modal ${JSON.stringify(values).slice(0, 200)}`, submitted, before, counts);
          }
          for (const option of path.options.filter((o) => o.autocomplete)) {
            const typed = String((values as Record<string, unknown>)[option.name] ?? fieldValues[0] ?? '');
            const start = h.bed.requests.length;
            await h.bed.driver.autocomplete({ ...input, focused: option.name, options: { ...(values as object), [option.name]: typed.slice(0, 100) } as CommandInput['options'] }).catch((error: unknown) => problems.push(`${label} autocomplete ${option.name}: ${String(error).slice(0, 160)}`));
            await checker.check(`${label} autocomplete ${option.name}`, null, start, rowCounts(h));
          }
        }),
        { numRuns: RUNS, seed: Number(process.env['FUZZ_SEED'] ?? 42) },
      );
    }
    console.log(`fuzz: ${paths.length} command paths × ${RUNS} runs, ${checker.cases} interactions checked ${JSON.stringify(checker.outcomes)}, ${problems.length} problems`);
    if (problems.length) console.log(problems.slice(0, 20).join("\n"));
    expect(problems.slice(0, 20)).toEqual([]);
  }, 300_000);

  it('every modal a command opens, with hostile field values', async () => {
    problems.length = 0;
    const paths = commandPaths(h.bed.commands(a.id).length ? h.bed.commands(a.id) : h.bed.commands());
    const benign = (o: OptionDef): unknown =>
      o.choices?.length ? o.choices[0]!.value
        : o.type === 3 ? `Modal probe ${o.name}`
        : o.type === 4 || o.type === 10 ? (o.autocomplete ? (state.meetingId ?? 1) : Math.max(o.min_value ?? 1, Math.min(o.max_value ?? 5, 5)))
        : o.type === 5 ? true : o.type === 6 ? a.members.marcus : o.type === 7 ? a.channel('general') : o.type === 8 ? a.guild.role('Organizers') : undefined;
    const ids = { userId: a.members.sam, roleId: a.guild.role('Organizers'), channelId: a.channel('general') };
    const opened: string[] = [];
    for (const path of paths) {
      const options = Object.fromEntries(path.options.filter((o) => o.required && o.type !== 11).map((o) => [o.name, benign(o)]));
      const input: CommandInput = {
        guildId: a.id, channelId: a.channel('general'), userId: a.members.olivia, name: path.name, force: true,
        ...(path.group ? { group: path.group } : {}), ...(path.subcommand ? { subcommand: path.subcommand } : {}), options: options as CommandInput['options'],
      };
      const probe = await h.bed.driver.command(input).catch(() => null);
      if (probe?.type !== 9 || !probe.modal) {
        if (probe && (probe.type === 4 || probe.type === 5)) await probe.reply(8000).catch(() => null);
        continue;
      }
      opened.push(path.label);
      await fc.assert(
        fc.asyncProperty(fc.array(hostileString(ids), { minLength: 5, maxLength: 5 }), async (fieldValues) => {
          const result = await h.bed.driver.command(input);
          const modal = result.modal!;
          // What a Discord client can send: within each field's maximum, required fields not empty.
          const fit = (text: string, f: (typeof modal.fields)[number]) => [...text].slice(0, f.maxLength ?? 4000).join('') || (f.required ? 'x' : '');
          const values = Object.fromEntries(modal.fields.map((f, i) => [f.customId, fit(fieldValues[i]!, f)]));
          const label = `${path.label} modal ${JSON.stringify(values).slice(0, 300)}`;
          const before = h.bed.requests.length;
          const counts = rowCounts(h);
          const submitted = await h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('general'), userId: a.members.olivia, modal, values }).catch((error: unknown) => {
            problems.push(`${label}: ${String(error).slice(0, 200)}`);
            return null;
          });
          await checker.check(label, submitted, before, counts);
        }),
        { numRuns: RUNS * 4, seed: Number(process.env['FUZZ_SEED'] ?? 42) },
      );
    }
    console.log(`fuzz: modals of ${opened.join(', ')} × ${RUNS * 4} hostile submissions, ${problems.length} problems`);
    expect(opened.length).toBeGreaterThan(0);
    if (problems.length) console.log(problems.slice(0, 20).join('\n'));
    expect(problems.slice(0, 20)).toEqual([]);
  }, 180_000);

  it('tampered, foreign and random custom ids on the bot’s buttons are refused politely', async () => {
    problems.length = 0;
    const other = await h.newAlliance();
    const target = h.bed.messages(a.channel('proposals')).find((m) => m.fromBot)!;
    const real = h.bed.messages(a.channel('proposals')).flatMap((m) => m.components.flatMap((row) => row.components ?? [])).map((c) => c.custom_id).filter((id): id is string => !!id);
    const knownIds = ['v1:privacy:delete:', 'v1:skills:intro:', 'v1:skills:accept:', 'v1:skills:rm:', 'v1:proposal:vote:', 'v1:meeting:confirm:', ...real];
    const ids = { userId: a.members.sam, roleId: a.guild.role('Organizers'), channelId: a.channel('general') };
    const arg = fc.oneof(hostileString(ids).map((t) => t.slice(0, 40)), fc.constantFrom(other.id, a.id, other.members.marcus, a.members.olivia, '0', '-1', '99999999999999999999', '1.5', ''));
    const customId = fc.oneof(
      fc.tuple(fc.constantFrom(...knownIds), fc.array(arg, { maxLength: 3 })).map(([base, args]) => `${base}${args.join(':')}`.slice(0, 100)),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }),
    );
    await fc.assert(
      fc.asyncProperty(customId, fc.constantFrom('olivia', 'marcus'), async (id, member) => {
        const label = `custom id ${JSON.stringify(id)} as ${member}`;
        const before = h.bed.requests.length;
        const counts = rowCounts(h);
        const result = await h.bed.driver.rawComponent({ guildId: a.id, channelId: target.channelId, userId: a.userId(member), messageId: target.id, customId: id }).catch((error: unknown) => {
          problems.push(`${label}: ${String(error).slice(0, 200)}`);
          return null;
        });
        await checker.check(label, result, before, counts);
        if (JSON.stringify(rowCounts(h)) !== JSON.stringify(counts) && !id.startsWith('v1:proposal:')) problems.push(`${label}: a tampered id changed the database`);
      }),
      { numRuns: RUNS * 30, seed: Number(process.env['FUZZ_SEED'] ?? 42) },
    );
    console.log(`fuzz: ${RUNS * 30} custom ids, ${problems.length} problems`);
    if (problems.length) console.log(problems.slice(0, 20).join("\n"));
    expect(problems.slice(0, 20)).toEqual([]);
  }, 120_000);

  it('no message the bot sent during all of this pinged anyone', () => {
    const { count, pinged } = pingingBotMessages(h, a);
    console.log(`fuzz: ${count} bot messages checked for pings`);
    expect(pinged).toEqual([]);
  });
});
