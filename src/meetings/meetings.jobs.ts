// The meetings feature's job data: for a due agenda post, "starting now" post or action-item reminder, what to
// post where (and how to remember the posted message), or why it is skipped. Its Discord handlers render and send.
import { z } from 'zod';
import { skipJob } from '../jobs/job-handler.js';
import type { Job } from '../jobs/jobs.repo.js';
import type { AgendaService } from './agenda.service.js';
import { ACTION_REMINDER_JOB, MEETING_AGENDA_JOB, MEETING_START_JOB } from './meeting-jobs.rules.js';
import type { OutcomesService } from './outcomes.service.js';

// Payloads as the planner wrote them (meeting-jobs.rules.ts), parsed rather than cast.
const meetingPayload = z.object({ meetingId: z.number(), startsAt: z.number() });
const reminderPayload = z.object({ actionId: z.number(), dueDate: z.string() });

export function meetingsJobData(meetings: Pick<AgendaService, 'scheduledPost' | 'recordPosted'> & Pick<OutcomesService, 'reminderFor'>) {
  const meetingPost = (which: 'agenda' | 'start') => (job: Job) => {
    const { meetingId, startsAt } = meetingPayload.parse(job.payload);
    const plan = meetings.scheduledPost(job.guildId, meetingId, startsAt);
    if (plan.kind === 'skip') return skipJob(plan.reason);
    return {
      agenda: plan.agenda,
      channelId: plan.channelId,
      /** Remembers the posted message (the meeting's agenda or start post). */
      posted: (messageId: string) => meetings.recordPosted(job.guildId, meetingId, which, messageId),
    };
  };
  return {
    [MEETING_AGENDA_JOB]: meetingPost('agenda'),
    [MEETING_START_JOB]: meetingPost('start'),
    [ACTION_REMINDER_JOB]: (job: Job) => {
      const { actionId, dueDate } = reminderPayload.parse(job.payload);
      const plan = meetings.reminderFor(job.guildId, actionId, dueDate);
      if (plan.kind === 'skip') return skipJob(plan.reason);
      return { action: plan.action, meetingTitle: plan.meetingTitle };
    },
  };
}
