// Crash safety: the bot as a child process, SIGKILLed at random moments while members keep acting, then started
// again on the same database. Every acknowledged action (skill offers, agenda items, ideas, space registrations
// through their form, pass check-ins, dues payments) is stored exactly once, no registration is stored without its host,
// and SQLite stays intact.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { createServices } from '../../src/services.js';
import { systemClock } from '../../src/shared/clock.js';
import { startTestBed } from '../../src/testbed/index.js';
import type { TestBed } from '../../src/testbed/types.js';
import { ACTION_KINDS, nextAction, seeded, spacesWithoutTheirHost, type Action, type World } from './support/actions.js';
import { buildBot } from './support/build.js';
import { spawnBot, type ChildBot } from './support/child-bot.js';

const KILLS = Number(process.env['CRASH_KILLS'] ?? 22);
const SEED = Number(process.env['CRASH_SEED'] ?? Date.now() % 1_000_000);
const WORKERS = 3;

let bed: TestBed;
let build: ReturnType<typeof buildBot>;
beforeAll(async () => {
  build = buildBot();
  bed = await startTestBed();
}, 120_000);
afterAll(async () => {
  await bed?.close();
  build?.cleanup();
});

/** The alliance and its meetings, written straight into the database before the bot's first start. */
function seedWorld(databasePath: string): World {
  const guild = bed.createGuild({ name: 'Crash Alliance', owner: 'olivia', channels: [{ name: 'organizers' }, { name: 'meetings' }, { name: 'proposals' }], roles: [{ name: 'Organizers' }] });
  const memberIds = [guild.ownerId, ...['marcus', 'priya', 'sam', 'lee', 'ana'].map((username) => guild.addMember({ username }))];
  const { db, close } = openDatabase(databasePath);
  const services = createServices({ db, clock: systemClock });
  const organizer = { guildId: guild.id, userId: guild.ownerId, isOrganizer: true, roleIds: [] };
  services.alliances.update(organizer, {
    timezone: 'UTC', announcementsChannelId: guild.channel('announcements'), meetingsChannelId: guild.channel('meetings'),
    organizersChannelId: guild.channel('organizers'), proposalsChannelId: guild.channel('proposals'), agendaQuota: 25, ideaQuota: 20,
  });
  const meetingIds: number[] = [];
  for (let i = 0; i < 8; i++) {
    const when = new Date(Date.now() + (10 + i) * 86_400_000).toISOString().slice(0, 10);
    const preview = services.meetings.previewSchedule(organizer, { title: `Meetup ${i + 1}`, when: `${when} 18:00` });
    const confirmed = services.meetings.confirm(organizer, preview.draftId, 0);
    if (confirmed.kind === 'scheduled') meetingIds.push(confirmed.meetings[0]!.id);
  }
  // Two spaces that take the pass, and passes of one visit each for the stream's check-ins.
  const passes: World['passes'] = [];
  for (const hostId of memberIds.slice(1, 3)) {
    const host = { guildId: guild.id, userId: hostId, isOrganizer: false, roleIds: [] };
    const { space } = services.directory.register(host, { name: `Pass Space ${hostId.slice(-4)}`, city: 'Seattle', country: 'US', desks: 10 });
    services.directory.approve(organizer, space.id);
    services.pass.setSpaceTerms(host, space.id, { accepts: true });
    for (let i = 0; i < 150; i++) passes.push({ code: services.pass.issue(organizer, { userId: memberIds[3 + (i % 3)]!, visits: 1 }).code, spaceId: space.id, hostId });
  }
  passes.sort((x, y) => x.code.localeCompare(y.code));
  const { space } = services.directory.register({ ...organizer, isOrganizer: false }, { name: 'Ledger Loft', city: 'Seattle', country: 'US', desks: 12 });
  if (space.status === 'pending') services.directory.approve(organizer, space.id);
  services.dues.setPlan(organizer, { amount: '50', currency: 'USD', period: 'monthly' });
  close();
  return { bed, guild, memberIds, meetingIds, passes, duesSpaceId: space.id };
}

/** Opens a proposal through /proposal create and its form; returns its message id. */
async function openProposal(world: World): Promise<string> {
  const base = { guildId: world.guild.id, channelId: world.guild.channel('general'), userId: world.memberIds[1]! };
  const result = await bed.driver.command({ ...base, name: 'proposal', subcommand: 'create', options: { title: 'Crash-proof printer', closes: '14d' } });
  const submitted = await bed.driver.submitModal({ ...base, modal: result.modal!, values: { title: 'Crash-proof printer', summary: 'Buy one.' } });
  await submitted.reply(10_000);
  return bed.messages(world.guild.channel('proposals')).find((m) => m.fromBot && m.embeds[0]?.title?.includes('Crash-proof printer'))!.id;
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs during a stream of member actions, losing and doubling nothing`, async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'alliance-crash-')), 'alliance.db');
    const world = seedWorld(databasePath);
    const rng = seeded(SEED);
    let bot: ChildBot = spawnBot(bed, databasePath, { entry: build.entry });
    await bot.ready;
    const proposal = await openProposal(world);

    const sent: { action: Action; acked: boolean }[] = [];
    let running = true;
    let n = 0;
    async function worker(): Promise<void> {
      while (running) {
        const current = bot;
        await current.ready.catch(() => undefined);
        if (current !== bot || !running) continue;
        const action = nextAction(rng, world, ++n);
        const acked = await action.send(world).catch((error: unknown) => {
          if (process.env['CRASH_DEBUG']) console.log('failed:', String(error).slice(0, 120));
          return false;
        });
        sent.push({ action, acked });
      }
    }
    const workers = Array.from({ length: WORKERS }, () => worker());
    // Reaction votes keep coming whether the bot is up or not (members do not wait for it).
    let reactions = 0;
    const voting = (async () => {
      while (running) {
        const userId = world.memberIds[Math.floor(rng() * world.memberIds.length)]!;
        const emoji = rng() < 0.5 ? '✅' : '❌';
        const mine = bed.message(proposal)!.reactions.find((r) => r.emoji === emoji)?.userIds.includes(userId);
        if (mine && rng() < 0.5) bed.driver.unreact({ channelId: world.guild.channel('proposals'), messageId: proposal, userId, emoji });
        else if (!mine) bed.driver.react({ channelId: world.guild.channel('proposals'), messageId: proposal, userId, emoji });
        reactions += 1;
        await new Promise((resolve) => setTimeout(resolve, 60 + Math.floor(rng() * 120)));
      }
    })();

    let kills = 0;
    const killLog: string[] = [];
    while (kills < KILLS) {
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.floor(rng() * 1200)));
      await bot.kill('SIGKILL');
      kills += 1;
      killLog.push(`kill ${kills} after ${sent.length} actions`);
      bot = spawnBot(bed, databasePath, { entry: build.entry });
      await bot.ready;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    running = false;
    await Promise.all([...workers, voting]);
    // One more start: reconciliation reads the reactions; then let it clean up replaced votes.
    await bot.kill('SIGKILL');
    bot = spawnBot(bed, databasePath, { entry: build.entry });
    await bot.ready;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await bot.kill('SIGTERM');

    const sqlite = new Database(databasePath, { readonly: true });
    const acked = sent.filter((s) => s.acked);
    const lost = acked.filter((s) => s.action.stored(sqlite, world.guild.id) !== 1).map((s) => `${s.action.kind} ${s.action.label}`);
    const doubled = sent.filter((s) => s.action.stored(sqlite, world.guild.id) > 1).map((s) => `${s.action.kind} ${s.action.label}`);
    const unackedStored = sent.filter((s) => !s.acked && s.action.stored(sqlite, world.guild.id) === 1).length;
    const halfRegistered = spacesWithoutTheirHost(sqlite, world.guild.id);
    // The monthly visit counters (kept by triggers) agree with the visits themselves.
    const visitCounts = [
      (sqlite.prepare('SELECT COUNT(*) AS n FROM pass_visits WHERE guild_id = ?').get(world.guild.id) as { n: number }).n,
      (sqlite.prepare('SELECT COALESCE(SUM(visits), 0) AS n FROM pass_month_spaces WHERE guild_id = ?').get(world.guild.id) as { n: number }).n,
      (sqlite.prepare('SELECT COALESCE(SUM(visits), 0) AS n FROM pass_month_passes WHERE guild_id = ?').get(world.guild.id) as { n: number }).n,
    ];
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    const foreignKeys = sqlite.pragma('foreign_key_check') as unknown[];
    const votes = new Map((sqlite.prepare('SELECT b.user_id AS userId, b.choice FROM proposal_ballots b JOIN proposals p ON p.id = b.proposal_id WHERE p.message_id = ? AND b.caster_left = 0').all(proposal) as { userId: string; choice: string }[]).map((v) => [v.userId, v.choice]));
    const emojiOf: Record<string, string> = { yes: '✅', no: '❌' };
    const voteMismatches: string[] = [];
    for (const userId of world.memberIds) {
      const reacted = bed.message(proposal)!.reactions.filter((r) => r.userIds.includes(userId)).map((r) => r.emoji);
      const vote = votes.get(userId);
      if (reacted.length > 1) voteMismatches.push(`${userId} still has ${reacted.join(' ')} on the message`);
      if ((vote ? emojiOf[vote] : undefined) !== reacted[0]) voteMismatches.push(`${userId}: reactions ${reacted.join(' ') || 'none'}, stored vote ${vote ?? 'none'}`);
    }
    sqlite.close();

    const byKind = Object.fromEntries(ACTION_KINDS.map((kind) => [kind, acked.filter((s) => s.action.kind === kind).length]));
    console.log(
      `crash safety (seed ${SEED}): ${kills} SIGKILLs survived, ${sent.length} actions sent, ${acked.length} acknowledged and checked ` +
        `(${JSON.stringify(byKind)}), ${unackedStored} unacknowledged but stored, ${reactions} reaction changes (${votes.size} votes match the reactions), ${lost.length} lost, ${doubled.length} doubled, ${halfRegistered.length} spaces without their host, integrity ${integrity}`,
    );
    console.log(killLog.join('; '));
    expect(kills).toBe(KILLS);
    expect(acked.length).toBeGreaterThan(KILLS);
    expect(lost).toEqual([]);
    expect(doubled).toEqual([]);
    expect(halfRegistered).toEqual([]);
    expect(byKind['space']).toBeGreaterThan(0);
    expect(byKind['visit']).toBeGreaterThan(0);
    expect(new Set(visitCounts).size).toBe(1);
    expect(byKind['dues']).toBeGreaterThan(0);
    expect(integrity).toBe('ok');
    expect(foreignKeys).toEqual([]);
    expect(voteMismatches).toEqual([]);
  }, 300_000);

  it('a post due while the bot was down happens exactly once after restart, and not again after another crash', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'alliance-down-')), 'alliance.db');
    const world = seedWorld(databasePath);
    const meetingsChannel = world.guild.channel('meetings');
    let bot = spawnBot(bed, databasePath, { entry: build.entry });
    await bot.ready;
    await bot.kill('SIGKILL');

    // While the bot is down, the first meeting's agenda post falls due (moved to "now" instead of waiting days).
    const { db, sqlite, close } = openDatabase(databasePath);
    const jobs = createServices({ db, clock: systemClock }).jobs;
    const job = sqlite.prepare("SELECT key, payload FROM scheduled_jobs WHERE kind = 'meeting-agenda' AND status = 'pending' ORDER BY due_at LIMIT 1").get() as { key: string; payload: string };
    const startsAt = (JSON.parse(job.payload) as { startsAt: number }).startsAt;
    expect(jobs.reschedule(job.key, Date.now() + 300, startsAt)).toBe(true);
    close();
    await new Promise((resolve) => setTimeout(resolve, 600));

    const agendaPosts = () => bed.messages(meetingsChannel).filter((m) => m.fromBot && m.embeds.some((e) => e.title?.includes('Meetup 1')));
    expect(agendaPosts()).toHaveLength(0);
    bot = spawnBot(bed, databasePath, { entry: build.entry });
    await bot.ready;
    await bed.waitForMessage((m) => m.channelId === meetingsChannel && m.embeds.some((e) => e.title?.includes('Meetup 1')), 5000);
    await bot.kill('SIGKILL');
    bot = spawnBot(bed, databasePath, { entry: build.entry });
    await bot.ready;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await bot.kill('SIGTERM');
    expect(agendaPosts()).toHaveLength(1);
    const check = new Database(databasePath, { readonly: true });
    expect(check.prepare('SELECT status FROM scheduled_jobs WHERE key = ?').get(job.key)).toEqual({ status: 'done' });
    check.close();
  }, 60_000);
});
