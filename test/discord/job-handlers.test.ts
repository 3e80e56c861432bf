// The Discord half of the job contract (#15): every job kind in src/jobs is run by exactly one feature wiring's
// handler (two would silently replace each other when main.ts gathers them), and no wiring runs a kind no feature plans.
import { Writable } from 'node:stream';
import { Client } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/discord/command.js';
import { features } from '../../src/discord/features.js';
import { createPoster } from '../../src/discord/poster.js';
import { FEATURE_JOB_KINDS } from '../../src/jobs/job-kinds.js';
import { createServices } from '../../src/services.js';
import { manualClock } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/logger.js';
import { freshDb } from '../support/db.js';

describe('job handlers on Discord', () => {
  // Never logged in: building the handlers needs a client, running none of them here.
  const client = new Client({ intents: [] });
  afterAll(() => client.destroy());
  const ctx: BotContext = {
    services: createServices({ db: freshDb().db, clock: manualClock('2026-11-24T15:00:00Z') }),
    clock: manualClock('2026-11-24T15:00:00Z'),
    logger: createLogger('info', new Writable({ write: (_chunk, _encoding, done) => done() })),
    poster: createPoster(client),
    client,
  };

  it('every job kind a feature plans has exactly one handler among the feature wirings', () => {
    const claims = new Map<string, string[]>();
    for (const wiring of features) {
      for (const kind of Object.keys(wiring.jobHandlers?.(ctx) ?? {})) claims.set(kind, [...(claims.get(kind) ?? []), wiring.name]);
    }
    const problems = [
      ...FEATURE_JOB_KINDS.filter((kind) => !claims.has(kind)).map((kind) => `${kind}: no handler`),
      ...[...claims].filter(([, names]) => names.length > 1).map(([kind, names]) => `${kind}: handled by ${names.join(' and ')}`),
      ...[...claims.keys()].filter((kind) => !(FEATURE_JOB_KINDS as readonly string[]).includes(kind)).map((kind) => `${kind}: not a job kind in src/jobs`),
    ];
    expect(problems).toEqual([]);
  });
});
