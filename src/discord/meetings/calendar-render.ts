// The member's private calendar feed address (/meeting calendar, /meeting calendar-reset), in their language.
import type { Say } from '../../i18n/translate.js';

/** `/meeting calendar`: the member's private feed address. */
export function renderCalendarFeed(url: string, fresh: boolean, say: Say): string {
  return [say(fresh ? 'meetings.calendar.fresh' : 'meetings.calendar.again'), `<${url}>`, say('meetings.calendar.howTo')].join('\n');
}

export function renderCalendarReset(url: string, say: Say): string {
  return [say('meetings.calendar.reset'), `<${url}>`, say('meetings.calendar.replace')].join('\n');
}
