// The Discord half of the job contract (#15): with no list of kinds, the wirings' handlers are checked against the
// composed features' job data at start-up (src/discord/job-handlers.ts): every kind with data has exactly one
// handler (two would silently replace each other), and no wiring runs a kind no feature gives data for.
import { Writable } from 'node:stream';
import { Client } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/discord/command.js';
import { features } from '../../src/discord/features.js';
import { gatherJobHandlers } from '../../src/discord/job-handlers.js';
import { createPoster } from '../../src/discord/poster.js';
import { skipJob } from '../../src/jobs/job-handler.js';
import { createServices } from '../../src/services.js';
import { manualClock } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/logger.js';
import { freshDb } from '../support/db.js';

describe('job handlers on Discord', () => {
  // Never logged in: building the handlers needs a client, running none of them here.
  const client = new Client({ intents: [] });
  afterAll(() => client.destroy());
  const services = createServices({ db: freshDb().db, clock: manualClock('2026-11-24T15:00:00Z') });
  const ctx: BotContext = {
    services,
    clock: manualClock('2026-11-24T15:00:00Z'),
    logger: createLogger('info', new Writable({ write: (_chunk, _encoding, done) => done() })),
    poster: createPoster(client),
    client,
  };
  const handle = async () => skipJob('planted');
  /** The same context with one more kind given data, as if a feature's `jobs` map had it. */
  const withExtraData = (kind: string): BotContext => ({ ...ctx, services: { ...services, jobData: { ...services.jobData, [kind]: () => skipJob('planted') } } });

  it('every job kind the features give data for has exactly one handler among the feature wirings, and no other kind has one', () => {
    const handlers = gatherJobHandlers(features, ctx);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(services.jobData).sort());
  });

  it('a kind given data but handled by no wiring stops start-up, naming it', () => {
    expect(() => gatherJobHandlers(features, withExtraData('ghosts.haunt'))).toThrow('the job kind ghosts.haunt has data but no handler in any src/discord/<feature>/wiring.ts');
  });

  it('a wiring handling a kind no feature gives data for, or one another wiring handles, stops start-up, naming both', () => {
    const stray = { name: 'ghosts', jobHandlers: () => ({ 'ghosts.haunt': handle }) };
    expect(() => gatherJobHandlers([...features, stray], ctx)).toThrow('the job kind ghosts.haunt is handled by ghosts but no feature gives its data');
    const second = { name: 'echo', jobHandlers: () => ({ 'backups.daily': handle }) };
    expect(() => gatherJobHandlers([...features, second], ctx)).toThrow('the job kind backups.daily is handled by both backups and echo');
  });
});
