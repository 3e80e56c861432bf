// Logs the gateway's life (disconnects, reconnects, resumes) and REST rate limits: one line per event, each with
// its running count, so a flapping connection or a hot route shows in the log without a debugger.
import { Events, type Client } from 'discord.js';
import type { Logger } from '../shared/logger.js';

export interface GatewayCounts {
  disconnects: number;
  reconnects: number;
  resumes: number;
  /** 429 answers received. */
  rateLimits: number;
  /** Requests held back because a bucket was known to be empty. */
  rateLimitWaits: number;
  warnings: number;
}

/** Attaches the listeners; returns the live counts (read by the doctor and tests). */
export function logGatewayEvents(client: Client, logger: Logger): GatewayCounts {
  const counts: GatewayCounts = { disconnects: 0, reconnects: 0, resumes: 0, rateLimits: 0, rateLimitWaits: 0, warnings: 0 };
  client.on(Events.ShardDisconnect, (event, shardId) => {
    counts.disconnects += 1;
    logger.warn({ shardId, code: event.code, disconnects: counts.disconnects }, 'gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shardId) => {
    counts.reconnects += 1;
    logger.warn({ shardId, reconnects: counts.reconnects }, 'gateway reconnecting');
  });
  client.on(Events.ShardResume, (shardId, replayedEvents) => {
    counts.resumes += 1;
    logger.info({ shardId, replayedEvents, resumes: counts.resumes }, 'gateway resumed');
  });
  client.on(Events.Warn, (message) => {
    counts.warnings += 1;
    logger.warn({ warnings: counts.warnings }, `discord.js: ${message}`);
  });
  // A 429 surfaces only as a debug line (a 'response' listener would make discord.js clone every response body).
  client.rest.on('restDebug', (info) => {
    if (!info.includes('Encountered unexpected 429 rate limit')) return;
    counts.rateLimits += 1;
    const field = (name: string) => new RegExp(`${name}\\s*:\\s*(.+)`).exec(info)?.[1]?.trim();
    logger.warn(
      { route: field('Bucket'), method: field('Method'), global: field('Global') === 'true', retryAfter: field('Retry After'), rateLimits: counts.rateLimits },
      'rate limited by Discord',
    );
  });
  client.rest.on('rateLimited', (info) => {
    counts.rateLimitWaits += 1;
    logger.warn(
      { route: info.route, method: info.method, global: info.global, scope: info.scope, retryAfterMs: info.retryAfter, rateLimitWaits: counts.rateLimitWaits },
      'waiting for a rate limit',
    );
  });
  return counts;
}
