// Dues reminders as job rows: for each member space, one "due in 7 days" and one "now overdue" reminder per due day,
// at 10:00 alliance time, planned ahead so a bot that was down sends them late; the handler re-checks the ledger.
import type { JobsRepo } from '../jobs/jobs.repo.js';
import { DAY, HOUR, type Clock } from '../shared/clock.js';
import { localToInstant } from '../shared/zoned-time.js';
import { DUE_SOON_JOB, OVERDUE_JOB, reminderJobKey, reminderJobPrefix, type DuesReminderKind, type DuesSpacesPort } from './dues.ports.js';
import type { DuesRepo } from './dues.repo.js';
import { localDate, reminderDays, standingOn, type PlanTerms } from './standing.rules.js';

export const REMINDER_HOUR = 10;
/** How late a reminder may still go out after downtime. */
const GRACE: Record<DuesReminderKind, number> = { [DUE_SOON_JOB]: 2 * DAY, [OVERDUE_JOB]: 7 * DAY };

export interface DuesReminder {
  kind: DuesReminderKind;
  spaceName: string;
  /** Hosts who did not turn reminders off. */
  hostUserIds: string[];
  plan: PlanTerms;
  dueOn: string;
  owedMinor: number;
  paidThrough: string | null;
}

export function createDuesReminders(deps: { repo: DuesRepo; jobs: JobsRepo; clock: Clock; spaces: DuesSpacesPort; timezone(guildId: string): string }) {
  const { repo, jobs } = deps;
  const plannedHour = new Map<string, number>();

  function at10(date: string, timeZone: string): number {
    return localToInstant({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)), hour: REMINDER_HOUR, minute: 0 }, timeZone);
  }

  /**
   * Makes each space's two next reminders exist (future ones only). `onlySpaceId`: after a ledger entry, just that
   * space, whose pending reminders a payment made stale are cancelled first. Other stale ones (a new plan, a space
   * gone) are left to the handler, which checks the ledger again and skips them: no read of the jobs' history here.
   */
  function planGuild(guildId: string, now: number, onlySpaceId?: number): void {
    if (onlySpaceId === undefined) plannedHour.set(guildId, Math.floor(now / HOUR));
    // One space: cancel its pending reminders outright; planning the wanted ones again revives them (same key).
    if (onlySpaceId !== undefined) for (const prefix of reminderJobPrefix(guildId, onlySpaceId)) jobs.cancelByPrefix(guildId, prefix);
    const plan = repo.plan(guildId);
    if (plan) {
      const timeZone = deps.timezone(guildId);
      const spaces = deps.spaces.approvedSpaces(guildId).filter((s) => onlySpaceId === undefined || s.id === onlySpaceId);
      const paid = repo.paidThrough(guildId, spaces.map((s) => s.id));
      for (const space of spaces) {
        const days = reminderDays(plan, paid.get(space.id) ?? null);
        for (const [kind, date] of [[DUE_SOON_JOB, days.dueSoonOn], [OVERDUE_JOB, days.overdueOn]] as const) {
          const dueAt = at10(date, timeZone);
          const key = reminderJobKey(kind, guildId, space.id, days.dueOn);
          // Only ahead of time: a reminder whose moment passed before it was planned (a new plan, a back-dated
          // start, the shell's demo) is not sent at once; the status shows the state instead. One that existed and
          // was only just cancelled above (due, not yet run, and still wanted) is put back.
          if (dueAt <= now && !(onlySpaceId !== undefined && jobs.byKey(key)?.status === 'cancelled')) continue;
          jobs.plan({ guildId, key, kind, dueAt, expiresAt: dueAt + GRACE[kind], payload: { spaceId: space.id, dueOn: days.dueOn } });
        }
      }
    }
  }

  return {
    /** The scheduler's planner: every alliance with a plan, once an hour (changes re-plan at once). */
    plan(now: Date): void {
      const at = now.getTime();
      const hour = Math.floor(at / HOUR);
      for (const guildId of repo.guildsWithPlan()) if (plannedHour.get(guildId) !== hour) planGuild(guildId, at);
    },

    /** Re-plans at once after a change: one space after a ledger entry, every space after a new plan. */
    replan(guildId: string, spaceId?: number): void {
      planGuild(guildId, deps.clock.now().getTime(), spaceId);
    },

    /** What a reminder job should say now, or null when it no longer applies (paid, plan gone, space gone). */
    reminder(guildId: string, kind: DuesReminderKind, spaceId: number, dueOn: string): DuesReminder | null {
      const row = repo.plan(guildId);
      const space = deps.spaces.approvedSpaces(guildId).find((s) => s.id === spaceId);
      if (!row || !space) return null;
      const plan: PlanTerms = { amountMinor: row.amountMinor, currency: row.currency, period: row.period, graceDays: row.graceDays, startsOn: row.startsOn };
      const paidThrough = repo.paidThroughOf(guildId, spaceId);
      const standing = standingOn(plan, paidThrough, localDate(deps.clock.now(), deps.timezone(guildId)));
      if (standing.nextDueOn !== dueOn) return null;
      if (kind === OVERDUE_JOB && standing.standing !== 'overdue') return null;
      const off = repo.remindersOff(guildId);
      const hostUserIds = space.hostUserIds.filter((id) => !off.has(id));
      if (hostUserIds.length === 0) return null;
      const owedMinor = kind === OVERDUE_JOB ? standing.owedMinor : plan.amountMinor;
      return { kind, spaceName: space.name, hostUserIds, plan, dueOn, owedMinor, paidThrough };
    },
  };
}

export type DuesReminders = ReturnType<typeof createDuesReminders>;
