// After the meeting: one outcome per agenda item (done, carried over to the next meeting, or action items),
// the notes that show them, action items with their day-before reminders.
import { z } from 'zod';
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { Db } from '../db/open.js';
import { ITEM_OUTCOMES } from '../db/schema/meetings.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { conflict, forbidden, invalid, invalidFields, msg, notFound, problem, type FieldProblem, type MessageRef } from '../shared/errors.js';
import { decisionOf } from './agenda-decision.rules.js';
import type { ActionItemRow, ActionsRepo } from './actions.repo.js';
import type { AgendaItemRow, AgendaRepo } from './agenda.repo.js';
import { canManageMeeting, isFrozen, MAX_AGENDA_ITEMS } from './agenda.rules.js';
import { actionReminderJob, reminderJobPrefix } from './meeting-jobs.rules.js';
import type { MeetingsRepo } from './meetings.repo.js';
import type { Meeting, MeetingsService } from './meetings.service.js';
import { SNOWFLAKE, validate } from '../shared/validate.js';
import { parseLocalDate } from '../shared/when.rules.js';
import type { Language } from '../shared/languages.js';

const outcomeSchema = z.object({
  meetingId: z.number().int().positive('validation.pickFromList'),
  itemId: z.number().int().positive('validation.pickFromList'),
  result: z.enum(ITEM_OUTCOMES, 'must be done, carry-over or action'),
  ownerId: z.string().regex(SNOWFLAKE, 'validation.member').optional(),
  due: z.string().trim().min(1, 'must be a day').max(60, 'must be at most 60 characters').optional(),
  note: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters').optional(),
});
const OUTCOME_FIELDS = { meetingId: 'meeting', itemId: 'item', result: 'result', ownerId: 'owner', due: 'due', note: 'note' };
/** `language`: the member's, in which `due` is read first (then English). */
export type OutcomeInput = z.input<typeof outcomeSchema> & { language?: Language };

export interface OutcomeResult {
  item: AgendaItemRow;
  /** For carry-over: the meeting the item now sits on. */
  carriedTo: Meeting | null;
  /** For action: the action item created. */
  action: ActionItemRow | null;
}

export interface NotesView {
  meeting: Meeting;
  /** `decision`: a sentence by key for the reader's language, or older text stored in English. */
  items: (Omit<AgendaItemRow, 'decision'> & { decision: MessageRef | string | null; actions: ActionItemRow[] })[];
  attendees: string[];
}

export type ReminderPlan =
  | { kind: 'send'; action: ActionItemRow; meetingTitle: string }
  | { kind: 'skip'; reason: string };

export interface OutcomesServiceDeps {
  db: Db;
  clock: Clock;
  agendaRepo: AgendaRepo;
  meetingsRepo: MeetingsRepo;
  actionsRepo: ActionsRepo;
  jobs: JobsRepo;
  meetings: MeetingsService;
  alliances: AlliancesService;
}

export function createOutcomesService(deps: OutcomesServiceDeps) {
  const { db, clock, agendaRepo, meetingsRepo, actionsRepo, jobs, meetings, alliances } = deps;
  const now = (): number => clock.now().getTime();

  /** Takes back a carry-over whose copy nobody has worked on yet. */
  function undoCarry(actor: Actor, item: AgendaItemRow): void {
    if (item.carriedToId === null) return;
    const copy = agendaRepo.get(actor.guildId, item.carriedToId);
    if (copy?.outcome) throw conflict(msg('meetings.errors.copyHasOutcome'));
    if (copy) agendaRepo.remove(actor.guildId, copy);
    agendaRepo.update(actor.guildId, item.id, { carriedToId: null });
  }

  function carryOver(actor: Actor, item: AgendaItemRow, fromStartsAt: number): Meeting {
    if (item.carriedToId !== null) {
      const copy = agendaRepo.get(actor.guildId, item.carriedToId);
      if (copy) return meetings.get(actor.guildId, copy.meetingId);
    }
    const next = meetingsRepo.nextAfter(actor.guildId, fromStartsAt);
    if (!next) throw conflict(msg('meetings.errors.noNextMeeting'));
    if (agendaRepo.count(actor.guildId, next.id) >= MAX_AGENDA_ITEMS) {
      throw conflict(msg('agenda.errors.full', { title: next.title, max: MAX_AGENDA_ITEMS }));
    }
    const copy = agendaRepo.insert({
      guildId: actor.guildId,
      meetingId: next.id,
      topic: item.topic,
      minutes: item.minutes,
      presenterId: item.presenterId,
      priorityId: item.priorityId,
      proposedBy: item.proposedBy,
      carriedFromId: item.id,
      ideaId: item.ideaId,
      createdAt: now(),
    });
    agendaRepo.update(actor.guildId, item.id, { carriedToId: copy.id });
    return meetings.view(next);
  }

  function scheduleReminder(action: ActionItemRow): void {
    const job = actionReminderJob(action, alliances.settings(action.guildId).timezone, now());
    if (job) jobs.schedule(job);
  }

  return {
    /** Records one item's outcome (organizers and the meeting's creator, once the meeting has started). */
    recordOutcome(actor: Actor, input: OutcomeInput): OutcomeResult {
      const parsed = validate(outcomeSchema, input, OUTCOME_FIELDS);
      const row = meetings.requireMeeting(actor.guildId, parsed.meetingId);
      const item = agendaRepo.get(actor.guildId, parsed.itemId);
      if (!item || item.meetingId !== row.id) throw notFound(msg('meetings.errors.noSuchItem', { title: row.title, id: parsed.itemId }));
      if (!canManageMeeting(actor, row)) throw forbidden(msg('meetings.errors.outcomeForbidden', { title: row.title }));
      if (row.status === 'cancelled') throw conflict(msg('meetings.errors.cancelled', { title: row.title }));
      if (now() < row.startsAt) throw conflict(msg('meetings.errors.notStarted', { title: row.title }));

      let dueDate: string | null = null;
      if (parsed.result === 'action') {
        const problems: FieldProblem[] = [];
        if (!parsed.ownerId) problems.push(problem('owner', msg('meetings.errors.ownerNeeded')));
        if (!parsed.due) problems.push(problem('due', msg('meetings.errors.dueNeeded')));
        else {
          const due = parseLocalDate(parsed.due, now(), alliances.settings(actor.guildId).timezone, 'due', { language: input.language });
          if (due.kind === 'refused') problems.push(problem('due', due.text));
          else dueDate = due.date;
        }
        if (problems.length) throw invalidFields(problems);
      } else if (parsed.ownerId || parsed.due) {
        throw invalid(parsed.ownerId ? 'owner' : 'due', msg('meetings.errors.ownerDueOnlyAction'));
      }

      return db.transaction(() => {
        let carriedTo: Meeting | null = null;
        let action: ActionItemRow | null = null;
        if (parsed.result === 'carry-over') carriedTo = carryOver(actor, item, row.startsAt);
        else undoCarry(actor, item);
        if (parsed.result === 'action') {
          action = actionsRepo.insert({
            guildId: actor.guildId,
            meetingId: row.id,
            agendaItemId: item.id,
            text: parsed.note ?? item.topic,
            ownerId: parsed.ownerId!,
            dueDate: dueDate!,
            createdBy: actor.userId,
            createdAt: now(),
          });
          scheduleReminder(action);
        }
        agendaRepo.update(actor.guildId, item.id, { outcome: parsed.result });
        return { item: agendaRepo.get(actor.guildId, item.id)!, carriedTo, action };
      });
    },

    notes(guildId: string, meetingId: number): NotesView {
      const row = meetings.requireMeeting(guildId, meetingId);
      return {
        meeting: meetings.view(row),
        items: agendaRepo.items(guildId, row.id).map((item) => ({ ...item, decision: decisionOf(item.decision), actions: actionsRepo.forItem(guildId, item.id) })),
        attendees: meetingsRepo.attendees(guildId, row.id),
      };
    },

    /** Whether an item added now to a meeting would land after the freeze (used by renderers to explain). */
    frozen(guildId: string, meetingId: number): boolean {
      return isFrozen(meetings.requireMeeting(guildId, meetingId).startsAt, now());
    },

    myActions(actor: Actor): ActionItemRow[] {
      return actionsRepo.open(actor.guildId, actor.userId);
    },

    openActions(guildId: string): ActionItemRow[] {
      return actionsRepo.open(guildId);
    },

    /** The owner or an organizer closes an action; its reminder is cancelled. */
    completeAction(actor: Actor, actionId: number): ActionItemRow {
      const action = actionsRepo.get(actor.guildId, actionId);
      if (!action) throw notFound(msg('actions.error.notFound', { id: actionId }));
      if (action.ownerId !== actor.userId && !actor.isOrganizer) throw forbidden(msg('actions.error.notYours'));
      if (action.status === 'done') return action;
      db.transaction(() => {
        actionsRepo.complete(actor.guildId, action.id, now());
        jobs.cancelByPrefix(actor.guildId, reminderJobPrefix(action.id));
      });
      return actionsRepo.get(actor.guildId, action.id)!;
    },

    /** Reminders are on unless the member opted out. */
    setActionReminders(actor: Actor, on: boolean): void {
      actionsRepo.setReminders(actor.guildId, actor.userId, on, now());
    },

    remindersOn(guildId: string, userId: string): boolean {
      return !actionsRepo.remindersOff(guildId, userId);
    },

    /** What a reminder job should send; skip when done, moved or the owner opted out. */
    reminderFor(guildId: string, actionId: number, dueDate: string): ReminderPlan {
      const action = actionsRepo.get(guildId, actionId);
      if (!action) return { kind: 'skip', reason: 'action item no longer exists' };
      if (action.status === 'done') return { kind: 'skip', reason: 'action item is done' };
      if (action.dueDate !== dueDate) return { kind: 'skip', reason: 'due date changed' };
      if (actionsRepo.remindersOff(guildId, action.ownerId)) return { kind: 'skip', reason: 'owner opted out of reminders' };
      const meeting = meetingsRepo.get(guildId, action.meetingId);
      return { kind: 'send', action, meetingTitle: meeting?.title ?? 'a meeting' };
    },
  };
}

export type OutcomesService = ReturnType<typeof createOutcomesService>;
