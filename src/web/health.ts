// /healthz: the database answers, the gateway is connected, the scheduler ticked in the last two minutes.
export interface HealthProbes {
  database(): boolean;
  gateway(): boolean;
  /** When the scheduler last ticked (ms), or null before its first tick. */
  lastTickAt(): number | null;
  now(): number;
}

export const TICK_STALE_MS = 2 * 60_000;

export interface HealthReport {
  ok: boolean;
  checks: Record<'database' | 'gateway' | 'scheduler', string>;
}

export function checkHealth(probes: HealthProbes): HealthReport {
  let database = false;
  try {
    database = probes.database();
  } catch {
    database = false;
  }
  const tick = probes.lastTickAt();
  const ticking = tick !== null && probes.now() - tick <= TICK_STALE_MS;
  const checks = {
    database: database ? 'ok' : 'not reachable',
    gateway: probes.gateway() ? 'ok' : 'not connected',
    scheduler: ticking ? 'ok' : tick === null ? 'has not ticked yet' : 'has not ticked in the last two minutes',
  };
  return { ok: database && ticking && checks.gateway === 'ok', checks };
}

/**
 * What the public page's thread reports when the bot's main thread did not say how it is in time: a main thread
 * that cannot answer within seconds cannot answer members either, so that is unhealthy too.
 */
export function mainThreadSilent(databaseOk: boolean): HealthReport {
  const silent = 'the bot is not answering';
  return { ok: false, checks: { database: databaseOk ? 'ok' : 'not reachable', gateway: silent, scheduler: silent } };
}

/** The main thread's report, with the web thread's own connection checked too. */
export function withWebDatabase(report: HealthReport, databaseOk: boolean): HealthReport {
  if (databaseOk) return report;
  return { ok: false, checks: { ...report.checks, database: 'not reachable' } };
}
