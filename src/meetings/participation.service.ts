// Who takes part: the organizers' participation report (attendance, open actions) and forgetting a member.
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { Db } from '../db/open.js';
import type { IdeasRepo } from '../ideas/ideas.repo.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { forbidden, invalid, msg } from '../shared/errors.js';
import { localToInstant, zonedParts } from '../shared/zoned-time.js';
import type { ActionsRepo } from './actions.repo.js';
import type { AgendaRepo } from './agenda.repo.js';
import { reminderJobPrefix } from './meeting-jobs.rules.js';
import type { MeetingsRepo } from './meetings.repo.js';
import { localDateKey } from '../shared/when.rules.js';

export interface ParticipationRow {
  userId: string;
  attended: number;
  openActions: number;
  overdueActions: number;
}

export interface ParticipationReport {
  from: number;
  /** The alliance's calendar day `from` falls on ('YYYY-MM-DD'): the report is "since" that day. */
  fromDay: string;
  to: number;
  months: number;
  /** Meetings that took place (started) in the period. */
  meetingsHeld: number;
  members: ParticipationRow[];
}

export interface ParticipationServiceDeps {
  db: Db;
  clock: Clock;
  meetingsRepo: MeetingsRepo;
  agendaRepo: AgendaRepo;
  actionsRepo: ActionsRepo;
  ideasRepo: IdeasRepo;
  jobs: JobsRepo;
  alliances: AlliancesService;
}

export function createParticipationService(deps: ParticipationServiceDeps) {
  const { db, clock, meetingsRepo, agendaRepo, actionsRepo, ideasRepo, jobs, alliances } = deps;

  return {
    /**
     * Attendance over the last `months` calendar months (counted back from today, local time) and open actions,
     * per member; `memberIds` adds members who did neither, so absences show too.
     */
    report(actor: Actor, input: { months?: number; memberIds?: readonly string[] } = {}): ParticipationReport {
      if (!actor.isOrganizer) throw forbidden(msg('participation.error.organizersOnly'));
      const months = input.months ?? 3;
      if (!Number.isInteger(months) || months < 1 || months > 24) throw invalid('months', msg('validation.between', { field: 'months', min: 1, max: 24 }));
      const now = clock.now().getTime();
      const zone = alliances.settings(actor.guildId).timezone;
      const today = zonedParts(now, zone);
      const back = new Date(Date.UTC(today.year, today.month - 1 - months, today.day));
      const from = localToInstant(
        { year: back.getUTCFullYear(), month: back.getUTCMonth() + 1, day: back.getUTCDate(), hour: 0, minute: 0 },
        zone,
      );
      const held = meetingsRepo.startedBetween(actor.guildId, from, now + 1);
      const rows = new Map<string, ParticipationRow>();
      const rowFor = (userId: string): ParticipationRow => {
        let row = rows.get(userId);
        if (!row) {
          row = { userId, attended: 0, openActions: 0, overdueActions: 0 };
          rows.set(userId, row);
        }
        return row;
      };
      for (const userId of input.memberIds ?? []) rowFor(userId);
      for (const { userId } of meetingsRepo.attendanceBetween(actor.guildId, from, now + 1)) rowFor(userId).attended++;
      const todayKey = localDateKey(today);
      for (const action of actionsRepo.open(actor.guildId)) {
        const row = rowFor(action.ownerId);
        row.openActions++;
        if (action.dueDate < todayKey) row.overdueActions++;
      }
      const members = [...rows.values()].sort(
        (a, b) => b.attended - a.attended || b.openActions - a.openActions || a.userId.localeCompare(b.userId),
      );
      const fromDay = localDateKey({ year: back.getUTCFullYear(), month: back.getUTCMonth() + 1, day: back.getUTCDate() });
      return { from, fromDay, to: now, months, meetingsHeld: held.length, members };
    },

    /** Privacy: removes a member's attendance, agenda items, action items (and reminders), ideas and dots. */
    forgetMember(guildId: string, userId: string): { attendance: number; agendaItems: number; actionItems: number; ideas: number } {
      return db.transaction(() => {
        const attendance = meetingsRepo.forgetAttendance(guildId, userId);
        meetingsRepo.forgetDrafts(guildId, userId);
        const agendaItems = agendaRepo.forgetMember(guildId, userId);
        const actionIds = actionsRepo.forgetMember(guildId, userId);
        for (const id of actionIds) jobs.cancelByPrefix(guildId, reminderJobPrefix(id));
        const ideas = ideasRepo.forgetMember(guildId, userId);
        return { attendance, agendaItems, actionItems: actionIds.length, ideas };
      });
    },
  };
}

export type ParticipationService = ReturnType<typeof createParticipationService>;
