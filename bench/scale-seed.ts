// The scale probe's world: many small alliances on one test bed, each seeded by the bench's own feature seeders
// with a small alliance's counts, and the monthly-update day (every alliance's update due in the same hour).
import Database from 'better-sqlite3';
import { openDatabase } from '../src/db/open.js';
import { MONTHLY_KIND, monthlyKey, monthlySlot } from '../src/rhythm/due.rules.js';
import { createServices } from '../src/services.js';
import { systemClock } from '../src/shared/clock.js';
import { startTestBed, type GuildHandle, type TestBed } from '../src/testbed/index.js';
import { TimingLog } from './bed.js';
import { FULL, type Scale } from './scale.js';
import { features } from './seed/index.js';
import type { BenchState } from './seed/types.js';

/** One alliance as the issue describes it: 200 members, 10 spaces, 50 skill entries, 2 open proposals, 1 meeting. */
export const ALLIANCE: Scale = { ...FULL, mode: 'smoke', members: 200, spaces: 10, skillEntries: 50, meetings: 1, proposals: 2, votes: 20 };

export interface ScaleAlliance {
  guild: GuildHandle;
  members: string[];
  state: BenchState;
}

/** Bot REST traffic the bed saw: interaction callbacks and webhooks (not under the global limit) are left out. */
export class RestLog {
  /** Arrival times (ms) of the bot's REST requests, for the busiest second. */
  times: number[] = [];
  rateLimited = 0;
  errors = 0;
  firstError: string | null = null;
  /** Arrival time of each monthly update posted (a message in an announcements channel). */
  monthlyPosts: number[] = [];
  /** Monthly updates posted per announcements channel (a double post shows as 2). */
  postsByChannel = new Map<string, number>();
  announcements = new Set<string>();

  clear(): void {
    this.times = [];
    this.monthlyPosts = [];
    this.postsByChannel.clear();
    this.rateLimited = 0;
    this.errors = 0;
    this.firstError = null;
  }

  /** Most requests that arrived within any one second. */
  busiestSecond(): number {
    let most = 0;
    for (let i = 0, j = 0; i < this.times.length; i++) {
      while (this.times[i]! - this.times[j]! >= 1000) j++;
      most = Math.max(most, i - j + 1);
    }
    return most;
  }
}

export interface ScaleWorld {
  bed: TestBed;
  alliances: ScaleAlliance[];
  timings: TimingLog;
  rest: RestLog;
}

/** `shards`: what the bed requires (GET /gateway/bot recommends it; each IDENTIFY names its own). */
export async function startScaleBed(count: number, shards = 1): Promise<ScaleWorld> {
  const timings = new TimingLog();
  const rest = new RestLog();
  const bed = await startTestBed({
    recordRequests: false,
    shards,
    onInitialResponse: (timing) => timings.add(timing),
    onRequest: (request) => {
      if (request.route.startsWith('/interactions/') || request.route.startsWith('/webhooks/')) return;
      const now = Date.now();
      rest.times.push(now);
      if (request.status === 429) rest.rateLimited++;
      else if (request.status >= 400) {
        rest.errors++;
        rest.firstError ??= `${request.method} ${request.route} → ${request.status}`;
      }
      if (request.method === 'POST' && request.status === 200 && request.route === '/channels/:id/messages' && rest.announcements.has(request.path.split('/')[2]!)) {
        rest.monthlyPosts.push(now);
        const channelId = request.path.split('/')[2]!;
        rest.postsByChannel.set(channelId, (rest.postsByChannel.get(channelId) ?? 0) + 1);
      }
    },
  });
  const alliances: ScaleAlliance[] = [];
  for (let k = 0; k < count; k++) {
    const guild = bed.createGuild({
      name: `Alliance ${k + 1}`,
      owner: 'olivia',
      channels: [{ name: 'organizers' }, { name: 'proposals' }, { name: 'meetings' }, { name: 'directory' }, { name: 'skills' }, { name: 'Coworking call', type: 2 }],
      roles: [{ name: 'Organizers' }],
    });
    rest.announcements.add(guild.channel('announcements'));
    alliances.push({ guild, members: guild.addManyMembers(ALLIANCE.members), state: {} });
  }
  return { bed, alliances, timings, rest };
}

/** Every alliance through every feature's bench seeder, at one alliance's counts. */
export async function seedAlliances(world: ScaleWorld, path: string): Promise<void> {
  const database = openDatabase(path);
  try {
    const services = createServices({ db: database.db, clock: systemClock });
    for (const { guild, members, state } of world.alliances) {
      const organizer = { guildId: guild.id, userId: guild.ownerId, isOrganizer: true, roleIds: [guild.role('Organizers')] };
      for (const feature of features) {
        await feature.seed?.({ db: database.db, sqlite: database.sqlite, services, clock: systemClock, guild, organizer, members, scale: ALLIANCE, state });
      }
    }
    // Monthly updates on today at this hour, UTC: the planner then plans nothing for this month (its time has
    // passed) until the probe adds the due jobs itself, while the bot runs.
    const now = new Date();
    const setTimezone = database.sqlite.prepare("UPDATE alliances SET timezone = 'UTC' WHERE guild_id = ?");
    const setMonthly = database.sqlite.prepare(`INSERT INTO rhythm_settings (guild_id, monthly_day, monthly_hour, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (guild_id) DO UPDATE SET monthly_day = excluded.monthly_day, monthly_hour = excluded.monthly_hour`);
    database.sqlite.transaction(() => {
      for (const { guild } of world.alliances) {
        setTimezone.run(guild.id);
        setMonthly.run(guild.id, Math.min(28, now.getUTCDate()), now.getUTCHours(), now.getTime());
      }
    })();
  } finally {
    database.close();
  }
}

/**
 * Monthly-update day: every alliance's update of this month due this hour, added as the planner adds them (one
 * job row each, same key and time), through a second connection while the bot runs; its minute tick finds them.
 */
export function addMonthlyJobs(world: ScaleWorld, path: string): number {
  const sqlite = new Database(path);
  sqlite.pragma('busy_timeout = 5000');
  try {
    const now = new Date();
    const ym = { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
    const insert = sqlite.prepare('INSERT INTO scheduled_jobs (guild_id, key, kind, due_at, expires_at, payload) VALUES (?, ?, ?, ?, ?, ?)');
    sqlite.transaction(() => {
      for (const { guild } of world.alliances) {
        const slot = monthlySlot(guild.id, ym, Math.min(28, now.getUTCDate()), now.getUTCHours(), 'UTC');
        insert.run(guild.id, monthlyKey(guild.id, ym), MONTHLY_KIND, slot.dueAt, slot.expiresAt, JSON.stringify({ period: `${ym.year}-${String(ym.month).padStart(2, '0')}` }));
      }
    })();
    return world.alliances.length;
  } finally {
    sqlite.close();
  }
}

