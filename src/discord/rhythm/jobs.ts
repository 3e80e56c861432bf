// The rhythm's scheduled posts on Discord: each job's data (rhythm.jobs.ts) written in the alliance's words and
// posted through `publish` (the poster in the bot, a fake channel in the domain tests).
import { isSkipped, type JobHandler } from '../../jobs/job-handler.js';
import { ICD_REMINDER_KIND, ICD_WEEK_KIND, MONTHLY_KIND } from '../../rhythm/due.rules.js';
import { messageUrl, type PostMessage, type Publish, type WriterFor } from '../../rhythm/ports.js';
import type { RhythmJobData } from '../../rhythm/rhythm.jobs.js';
import { publishUpdate, writeUpdate } from '../../rhythm/updates.service.js';

export function rhythmJobHandlers(data: RhythmJobData, publish: Publish, writerFor: WriterFor): Record<string, JobHandler> {
  /** A Coworking Day post under the job's key, so a run repeated after a crash posts nothing twice. */
  const post = async (job: { guildId: string; key: string }, channelId: string, messages: PostMessage[]) => {
    const posted = await publish({ guildId: job.guildId, channelId, key: job.key }, messages);
    return { messageIds: posted.map((m) => m.messageId), url: messageUrl(job.guildId, channelId, posted[0]?.messageId ?? '') };
  };
  return {
    [MONTHLY_KIND]: async (job) => {
      const update = data[MONTHLY_KIND](job);
      if (isSkipped(update)) return update;
      if (update.kind === 'recorded') return { messageIds: update.messageIds, alreadyRecorded: true };
      const composed = writeUpdate(update.content, writerFor(job.guildId));
      const posted = await publishUpdate(composed, update.target, publish, (messageIds) => update.record(composed, messageIds));
      return { messageIds: posted.messageIds, sections: composed.sectionIds };
    },
    [ICD_REMINDER_KIND]: async (job) => {
      const due = data[ICD_REMINDER_KIND](job);
      if (isSkipped(due)) return due;
      return post(job, due.channelId, writerFor(job.guildId).reminder(due.reminder));
    },
    [ICD_WEEK_KIND]: async (job) => {
      const due = data[ICD_WEEK_KIND](job);
      if (isSkipped(due)) return due;
      return post(job, due.channelId, writerFor(job.guildId).weekAnnouncement(due.week));
    },
  };
}
