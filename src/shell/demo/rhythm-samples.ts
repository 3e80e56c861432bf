// Demo data for the shell's sample alliance: an organizers' note for the next update and a coworking week.
import type { Services } from '../../services.js';
import { formatLocalDate } from '../../rhythm/due.rules.js';

export function seedRhythmSamples(services: Services, demo: { guildId: string; members: Record<string, string> }): void {
  const olivia = demo.members['olivia'];
  if (!olivia) return;
  const organizer = { guildId: demo.guildId, userId: olivia, isOrganizer: true, roleIds: [] };
  services.rhythm.updates.setNote(
    organizer,
    'Welcome to everyone who joined this month! Our summer meetup is on the 20th at Hive: bring a friend from another space.',
  );
  const year = services.rhythm.coworkingDay.overview(organizer).year;
  // The week of August 3-9 always includes Coworking Day.
  services.rhythm.coworkingDay.updateSettings(organizer, {
    remindersEnabled: true,
    reminders: '30,7,1,0',
    weekName: 'Alliance Coworking Week',
    weekStart: formatLocalDate({ year, month: 8, day: 3 }),
  });
}
