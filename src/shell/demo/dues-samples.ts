// Demo dues for the shell: a monthly plan that started three months ago, every space paid ahead except one that
// is overdue. Reminders whose moment has passed are never planned, so the demo sends no DMs at start.
import type { Services } from '../../services.js';
import type { Actor } from '../../shared/actor.js';
import { addDays, addMonths } from '../../dues/standing.rules.js';

export function seedDuesSamples(services: Services, demo: { guildId: string; members: Record<string, string> }): void {
  const { guildId, members } = demo;
  if (services.dues.plan(guildId)) return;
  const spaces = services.directory.approvedSpaces(guildId);
  if (spaces.length === 0) return;
  const organizer: Actor = { guildId, userId: members['olivia']!, isOrganizer: true, roleIds: [] };
  const today = services.dues.today(guildId);
  const monthStart = `${today.slice(0, 7)}-01`;
  const startsOn = addMonths(monthStart, -3);
  services.dues.setPlan(organizer, { amount: '45.00', currency: 'USD', period: 'monthly', graceDays: 10, starts: startsOn });
  const paidAhead = addDays(addMonths(monthStart, 2), -1);
  for (const [index, space] of spaces.entries()) {
    // The third space paid only the plan's first month: it is overdue, and shows how organizers see it.
    const overdue = index === 2;
    services.dues.record(organizer, {
      spaceId: space.id,
      amount: overdue ? '45.00' : '225.00',
      paidOn: startsOn,
      coversUntil: overdue ? addDays(addMonths(startsOn, 1), -1) : paidAhead,
      note: overdue ? 'first month only' : 'bank transfer',
    });
  }
}
