// Where the bot's time per interaction goes, without Discord: for the bench's large alliance (seeded as `npm run
// bench` seeds it, in a database file), CPU time of this process per call (median, p95) of each part of /directory search,
// /directory near, the Next page and /skills match: the service's verb (the database and the domain) and the Discord
// side (the message the command renders). `npx tsx bench/interactions.cpu.ts [runs]`; a busy machine distorts CPU
// time far less than wall clock. The rest of an interaction (discord.js receiving it and sending the reply) is the
// floor's work too.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { disableValidators, isJSONEncodable, Options } from 'discord.js';
import type { ResultPage } from '../src/directory/directory-search.service.js';
import { openDatabase } from '../src/db/open.js';
import { createDirectoryRepo } from '../src/directory/directory.repo.js';
import { PARKED_PER_MEMBER } from '../src/directory/directory-search.service.js';
import type { InteractionContext } from '../src/discord/command.js';
import { nearHeading, renderResults, searchHeading } from '../src/discord/directory/render.js';
import { speakers } from '../src/discord/language.js';
import { passMarker } from '../src/discord/pass/space-options.js';
import { asSent } from '../src/discord/respond.js';
import { MATCHES_SHOWN, renderMatches } from '../src/discord/skills/render.js';
import { createServices } from '../src/services.js';
import { systemClock } from '../src/shared/clock.js';
import { startBenchBed } from './bed.js';
import { FULL } from './scale.js';
import { features } from './seed/index.js';
import type { BenchState } from './seed/types.js';

const runs = Number(process.argv[2] ?? 1000);
// As the bot's client does (src/discord/client.ts).
disableValidators();
const bench = await startBenchBed(FULL.members);
// A database file, as the bot has (writes such as parking a search cost more there than in memory).
const dir = mkdtempSync(join(tmpdir(), 'alliance-interactions-'));
const database = openDatabase(join(dir, 'bench.db'));
const services = createServices({ db: database.db, clock: systemClock });
const guildId = bench.guild.id;
const state: BenchState = {};
const organizer = { guildId, userId: bench.ownerId, isOrganizer: true, roleIds: [bench.guild.role('Organizers')] };
for (const feature of features) {
  await feature.seed?.({ db: database.db, sqlite: database.sqlite, services, clock: systemClock, guild: bench.guild, organizer, members: bench.members, scale: FULL, state });
}
const directory = state.directory as { searches: Parameters<typeof services.directory.search>[1][]; places: string[]; pager: Parameters<typeof services.directory.search>[1] };
const actor = (i: number) => ({ guildId, userId: bench.members[i % bench.members.length]!, isOrganizer: false, roleIds: [] });
/** What the router hands a handler, for the parts the renderers read. */
const context = (i: number) => ({ services, actor: actor(i), ...speakers('en-US', services.alliances.settings(guildId), 'en-US') }) as unknown as InteractionContext;

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
/**
 * A rendered message as discord.js sends it (MessagePayload.resolveBody): each embed and row through its toJSON when it
 * has one (builders), else through the client's jsonTransformer (toSnakeCase, for plain data); then JSON.
 */
const { jsonTransformer = (data: unknown) => data } = Options.createDefault();
const resolved = (item: unknown) => (isJSONEncodable(item) ? item.toJSON() : jsonTransformer(item));
const sent = (message: { embeds?: readonly unknown[]; components?: readonly unknown[] }) =>
  JSON.stringify({ ...message, embeds: message.embeds?.map(resolved), components: message.components?.map(resolved) }).length;
function measure(label: string, fn: (i: number) => unknown): void {
  for (let i = 0; i < 100; i++) fn(i);
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    fn(i + 100);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  console.log(`${label.padEnd(52)} cpu median ${q(cpu, 0.5).toFixed(3)} ms, p95 ${q(cpu, 0.95).toFixed(3)} ms`);
}

console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${runs} runs after 100 warm-up each`);
const searchPages: ResultPage<unknown>[] = [];
measure('/directory search: service (search + park)', (i) => searchPages.push(services.directory.search(guildId, directory.searches[i % directory.searches.length]!, actor(i).userId)));
// What the search service does after finding the page: park the query with the ids it found (for Previous/Next)
// and keep the member's newest PARKED_PER_MEMBER, as its park() does.
const stashRepo = createDirectoryRepo(database.db);
const ids = Array.from({ length: 100 }, (_, i) => 1 + i * 97);
measure('  of which parking a search (stash + trim)', (i) => {
  stashRepo.stash(guildId, 'search', actor(i).userId, { ...directory.searches[i % directory.searches.length]!, ids }, Date.now());
  stashRepo.trimStash(guildId, actor(i).userId, ['search', 'near'], PARKED_PER_MEMBER);
});
measure('/directory search: render (heading, page, buttons, JSON)', (i) => {
  const page = searchPages[i % searchPages.length]!;
  const ctx = context(i);
  return sent(asSent(renderResults(ctx.language, 'search', page, searchHeading(ctx.say, directory.searches[i % directory.searches.length]!), passMarker(ctx))));
});
measure('  of which the pass marks (one query per page)', (i) => passMarker(context(i)));
const nearPages: ReturnType<typeof services.directory.near>[] = [];
measure('/directory near: service (near + park)', (i) => nearPages.push(services.directory.near(guildId, { place: directory.places[i % directory.places.length]!, radiusKm: 50 }, actor(i).userId)));
measure('/directory near: render', (i) => {
  const page = nearPages[i % nearPages.length]!;
  const ctx = context(i);
  return sent(asSent(renderResults(ctx.language, 'near', page, nearHeading(ctx.say, page), passMarker(ctx))));
});
const pager = services.directory.search(guildId, directory.pager, bench.ownerId);
measure('next page: service (parked search, page 1-20)', (i) => services.directory.searchPage(guildId, pager.searchId, 1 + (i % 20)));
measure('next page: whole answer (service, render, pass marks, JSON)', (i) => {
  const ctx = context(i);
  const page = services.directory.searchPage(guildId, pager.searchId, 1 + (i % 20));
  return sent(asSent(renderResults(ctx.language, 'search', page, searchHeading(ctx.say, page.query), passMarker(ctx))));
});
measure('/skills match: service (match, all 25 with reasons)', (i) => services.skills.match(actor(i)));
measure('/skills match: service (the 10 shown, as the command asks)', (i) => services.skills.matchesShown(actor(i), MATCHES_SHOWN));
measure('/skills match: service (mine, for an empty match)', (i) => services.skills.mine(actor(i)));
const matches = Array.from({ length: 50 }, (_, i) => services.skills.match(actor(i)));
measure('/skills match: render', (i) => sent(asSent(renderMatches(matches[i % matches.length]!, true, 'en'))));
// As commands/skills.ts answers: the people shown and the count, the caller's entries only when no one matched.
measure('/skills match: whole answer (service, render, JSON)', (i) => {
  const { matches: shown, count } = services.skills.matchesShown(actor(i), MATCHES_SHOWN);
  return sent(asSent(renderMatches(shown, count > 0 || services.skills.mine(actor(i)).length > 0, 'en', count)));
});
database.close();
rmSync(dir, { recursive: true, force: true });
await bench.bed.close();
