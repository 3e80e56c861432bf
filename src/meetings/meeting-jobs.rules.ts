// Kinds, idempotency keys and due times of the meetings feature's durable jobs. The start time is part of the
// key so a rescheduled meeting gets fresh posts while a restart never repeats one.
import { HOUR, MINUTE } from '../shared/clock.js';
import { addLocalDays, localToInstant } from '../shared/zoned-time.js';
import { FREEZE_BEFORE_MS, START_POST_BEFORE_MS } from './agenda.rules.js';
import { jobKind } from '../jobs/job-kinds.js';
import type { NewJob } from '../jobs/jobs.repo.js';

export const MEETING_AGENDA_JOB = jobKind('meeting-agenda');
export const MEETING_START_JOB = jobKind('meeting-start');
export const ACTION_REMINDER_JOB = jobKind('action-reminder');
/** Action-item reminders go out at this local hour the day before the due date. */
export const REMINDER_HOUR = 10;

export interface MeetingJobPayload extends Record<string, unknown> {
  meetingId: number;
  startsAt: number;
}

export interface ActionReminderPayload extends Record<string, unknown> {
  actionId: number;
  dueDate: string;
}

export const agendaJobPrefix = (meetingId: number): string => `${MEETING_AGENDA_JOB}:${meetingId}:`;
export const startJobPrefix = (meetingId: number): string => `${MEETING_START_JOB}:${meetingId}:`;
export const reminderJobPrefix = (actionId: number): string => `${ACTION_REMINDER_JOB}:${actionId}:`;

/** The 24-hour agenda post (late only until the meeting starts) and the "starting now" post (late until it ends). */
export function meetingJobs(meeting: {
  id: number;
  guildId: string;
  startsAt: number;
  durationMinutes: number;
}): [NewJob, NewJob] {
  const payload: MeetingJobPayload = { meetingId: meeting.id, startsAt: meeting.startsAt };
  return [
    {
      guildId: meeting.guildId,
      key: `${agendaJobPrefix(meeting.id)}${meeting.startsAt}`,
      kind: MEETING_AGENDA_JOB,
      dueAt: meeting.startsAt - FREEZE_BEFORE_MS,
      expiresAt: meeting.startsAt,
      payload,
    },
    {
      guildId: meeting.guildId,
      key: `${startJobPrefix(meeting.id)}${meeting.startsAt}`,
      kind: MEETING_START_JOB,
      dueAt: meeting.startsAt - START_POST_BEFORE_MS,
      expiresAt: meeting.startsAt + meeting.durationMinutes * MINUTE,
      payload,
    },
  ];
}

/** 10:00 local the day before `dueDate` ('YYYY-MM-DD'). */
export function reminderInstant(dueDate: string, timeZone: string): number {
  const [year, month, day] = dueDate.split('-').map(Number) as [number, number, number];
  return localToInstant(addLocalDays({ year, month, day, hour: REMINDER_HOUR, minute: 0 }, -1), timeZone);
}

/** The reminder job of an action, or null when its time has already passed (the owner was just told). */
export function actionReminderJob(
  action: { id: number; guildId: string; dueDate: string },
  timeZone: string,
  now: number,
): NewJob | null {
  const dueAt = reminderInstant(action.dueDate, timeZone);
  if (dueAt <= now) return null;
  const payload: ActionReminderPayload = { actionId: action.id, dueDate: action.dueDate };
  return {
    guildId: action.guildId,
    key: `${reminderJobPrefix(action.id)}${action.dueDate}`,
    kind: ACTION_REMINDER_JOB,
    dueAt,
    expiresAt: dueAt + 12 * HOUR,
    payload,
  };
}
