// What organizers read, in the alliance's language, when a rhythm post (monthly update, Coworking Day reminder or
// week announcement) failed for good; null for other features' jobs.
import type { Job } from '../../jobs/jobs.repo.js';
import { ICD_REMINDER_KIND, ICD_WEEK_KIND, MONTHLY_KIND } from '../../rhythm/due.rules.js';
import type { Say } from '../../i18n/translate.js';
import { monthInWords } from '../../shared/day-words.js';
import type { Language } from '../../shared/languages.js';

const REMINDERS = new Set([30, 7, 1, 0]);

export function rhythmFailureNotice(say: Say, language: Language, job: Job, error: string): string | null {
  const values = { attempts: job.attempts, error };
  if (job.kind === MONTHLY_KIND) {
    const period = String(job.payload['period'] ?? '');
    return /^\d{4}-\d{2}$/.test(period)
      ? say('rhythm.failed.monthly', { ...values, month: monthInWords(period, language) })
      : say('rhythm.failed.monthlyUnknown', values);
  }
  if (job.kind === ICD_REMINDER_KIND) {
    const offset = Number(job.payload['offset']);
    return say('rhythm.failed.reminder', { ...values, offset: REMINDERS.has(offset) ? String(offset) : 'other' });
  }
  if (job.kind === ICD_WEEK_KIND) return say('rhythm.failed.week', values);
  return null;
}
