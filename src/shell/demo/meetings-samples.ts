// Demo data for the local shell: an upcoming meeting with an agenda (one item over time), two priorities and
// a few parked ideas with dots, so every meetings command has something to show.
import type { Services } from '../../services.js';
import type { Actor } from '../../shared/actor.js';

export function seedMeetingsSamples(services: Services, demo: { guildId: string; members: Record<string, string> }): void {
  const { guildId, members } = demo;
  if (services.meetings.list(guildId).length > 0) return;
  const as = (name: string): Actor => ({
    guildId,
    userId: members[name] ?? name,
    isOrganizer: name === 'olivia',
    roleIds: [],
  });

  const insurance = services.ideas.setPriority(as('olivia'), { rank: 1, text: 'Group insurance for member spaces', targetDate: 'in 90 days' });
  services.ideas.setPriority(as('olivia'), { rank: 2, text: 'Spring open-doors day across the alliance' });

  const preview = services.meetings.previewSchedule(as('olivia'), {
    title: 'Monthly alliance meeting',
    when: 'next thursday 18:00',
    location: 'The Loft, 2nd floor',
    repeat: 'monthly-nth-weekday',
  });
  const confirmed = services.meetings.confirm(as('olivia'), preview.draftId, 0);
  if (confirmed.kind !== 'scheduled') return;
  const meetingId = confirmed.meetings[0]!.id;
  services.meetings.addItem(as('marcus'), { meetingId, topic: 'Insurance quotes: compare the three offers', minutes: 20, priorityId: insurance.id });
  services.meetings.addItem(as('priya'), { meetingId, topic: 'Joint events calendar for spring', minutes: 25, presenterId: members.priya });
  services.meetings.addItem(as('sam'), { meetingId, topic: 'Refresh the website directory', minutes: 20 });

  const passport = services.ideas.addIdea(as('lee'), 'A coworking passport: members work from any alliance space one day a month');
  services.ideas.addIdea(as('priya'), 'Shared large-format printer');
  const breakfast = services.ideas.addIdea(as('marcus'), 'Quarterly skill-share breakfast');
  services.ideas.vote(as('sam'), passport.id, 2);
  services.ideas.vote(as('priya'), passport.id, 1);
  services.ideas.vote(as('lee'), breakfast.id, 1);
}
