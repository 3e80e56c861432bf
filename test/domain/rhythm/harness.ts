// Test harness for rhythm and scheduler tests: a migrated DB, a manual clock, the real services and job runner,
// and a fake Discord channel that honours idempotency keys the way the poster's enforce_nonce does.
import { Writable } from 'node:stream';
import { createServices, type Services } from '../../../src/services.js';
import { createJobRunner, type JobRunner } from '../../../src/scheduler/runner.js';
import type { PostMessage, Publish, PublishedMessage, SpacesDirectory } from '../../../src/rhythm/ports.js';
import { createRhythmService } from '../../../src/rhythm/rhythm.service.js';
import { rhythmWriter } from '../../../src/discord/rhythm/posts.js';
import { rhythmJobHandlers } from '../../../src/discord/rhythm/jobs.js';
import { rhythmJobData } from '../../../src/rhythm/rhythm.jobs.js';
import { rhythmFailureNotice } from '../../../src/discord/rhythm/failure.js';
import { sayIn } from '../../../src/i18n/translate.js';
import { createRhythmRepo } from '../../../src/rhythm/rhythm.repo.js';
import type { Actor } from '../../../src/shared/actor.js';
import { manualClock, type ManualClock } from '../../../src/shared/clock.js';
import { createLogger } from '../../../src/shared/logger.js';
import type { UpdateSectionProvider } from '../../../src/shared/update-section.js';
import { freshDb } from '../../support/db.js';

export const ANNOUNCEMENTS = '100000000000000001';
export const ORGANIZERS = '100000000000000002';
export const OTHER_CHANNEL = '100000000000000003';

/** Posts as an English-speaking alliance reads them (the words are the Discord layer's). */
export const english = rhythmWriter('en');

export interface PostedRecord {
  channelId: string;
  key: string;
  at: number;
  messages: PostMessage[];
  ids: string[];
}

/** A Discord-like channel log: the same key posts once (enforce_nonce), failing channels throw like Discord. */
export function fakeDiscord(clock: ManualClock) {
  const posts: PostedRecord[] = [];
  const byKey = new Map<string, PostedRecord>();
  const failing = new Set<string>();
  let nextId = 900000000000000000n;
  const publish: Publish = async (target, messages) => {
    if (failing.has(target.channelId)) throw new Error('Missing Permissions (50013)');
    const seen = byKey.get(target.key);
    if (seen) return seen.ids.map((id) => ({ channelId: seen.channelId, messageId: id }));
    const ids = messages.map(() => String(nextId++));
    const record = { channelId: target.channelId, key: target.key, at: clock.now().getTime(), messages, ids };
    posts.push(record);
    byKey.set(target.key, record);
    return ids.map((id): PublishedMessage => ({ channelId: target.channelId, messageId: id }));
  };
  return {
    publish,
    posts,
    failing,
    in: (channelId: string) => posts.filter((post) => post.channelId === channelId),
  };
}

export function actor(guildId: string, userId: string, isOrganizer: boolean): Actor {
  return { guildId, userId, isOrganizer, roleIds: [] };
}

export interface Harness {
  clock: ManualClock;
  services: Services;
  discord: ReturnType<typeof fakeDiscord>;
  logs: string[];
  /** A runner as one bot process would have; call again to simulate a restart. */
  startProcess(publish?: Publish): JobRunner;
  setupAlliance(guildId: string, timezone: string): Actor;
}

export interface HarnessOptions {
  start: string;
  sections?: UpdateSectionProvider[];
  directory?: SpacesDirectory;
}

export function harness(options: HarnessOptions): Harness {
  const { db } = freshDb();
  const clock = manualClock(options.start);
  const base = createServices({ db, clock });
  const rhythm = createRhythmService({
    repo: createRhythmRepo(db),
    jobs: base.jobs,
    alliances: base.alliances,
    clock,
    sections: () => options.sections ?? [],
    directory: options.directory ?? { spacesHostedBy: () => [], spaceAutocomplete: () => [] },
  });
  const services: Services = { ...base, rhythm };
  const discord = fakeDiscord(clock);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('info', sink);
  return {
    clock,
    services,
    discord,
    logs,
    startProcess(publish = discord.publish) {
      const runner = createJobRunner({
        jobs: services.jobs,
        clock,
        logger,
        handlers: rhythmJobHandlers(rhythmJobData(rhythm), publish, () => english),
        planners: [(now) => rhythm.plan(now)],
        onFailed: async (job, error, noticeKey) => {
          const text = rhythmFailureNotice(sayIn('en'), 'en', job, error) ?? `A scheduled job failed: ${error}`;
          const channelId = services.alliances.organizersChannel(job.guildId);
          if (!channelId) return;
          await publish({ guildId: job.guildId, channelId, key: noticeKey }, [{ embeds: [{ title: 'A post failed', description: text, color: 0xff0000 }] }]);
        },
      });
      runner.recover();
      return runner;
    },
    setupAlliance(guildId, timezone) {
      const organizer = actor(guildId, '200000000000000001', true);
      services.alliances.update(organizer, { timezone, announcementsChannelId: ANNOUNCEMENTS, organizersChannelId: ORGANIZERS });
      return organizer;
    },
  };
}

/** Advances the clock in steps up to `until`, ticking the runner at each step (like node-cron would). */
export async function runUntil(h: Harness, runner: JobRunner, until: string | number, stepMs: number): Promise<void> {
  const end = new Date(until).getTime();
  while (h.clock.now().getTime() < end) {
    h.clock.advance(Math.min(stepMs, end - h.clock.now().getTime()));
    await runner.tick();
  }
}

/** Local wall-clock text of an instant, e.g. "2026-07-10 10:00". */
export function localText(instant: number, timeZone: string): string {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return f.format(instant);
}
