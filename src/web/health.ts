// /healthz: the database answers, the gateway is connected, the scheduler ticked in the last two minutes.
export interface HealthProbes {
  database(): boolean;
  gateway(): boolean;
  /** When the scheduler last ticked (ms), or null before its first tick. */
  lastTickAt(): number | null;
  now(): number;
}

export const TICK_STALE_MS = 2 * 60_000;

export function checkHealth(probes: HealthProbes): { ok: boolean; checks: Record<'database' | 'gateway' | 'scheduler', string> } {
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
