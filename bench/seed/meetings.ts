// Meetings in the bench: 200 upcoming meetings with five agenda items each, scheduled through the meetings
// service as an organizer would; /agenda show is measured on them.
import type { Actor } from '../../src/shared/actor.js';
import { expectMessage, hasEmbeds, slash } from '../interact.js';
import type { BenchFeature } from './types.js';

const ITEMS_PER_MEETING = 5;

export const meetings: BenchFeature = {
  name: 'meetings',

  seed({ services, organizer, members, scale, state, sqlite }) {
    const ids: number[] = [];
    sqlite.transaction(() => {
      // From the day after tomorrow: a meeting "in 1 day at 18:00" is within its agenda's one-day freeze once the
      // alliance's evening has passed 18:00, and members' items then go to the next meeting, not yet scheduled here.
      for (let i = 0; i < scale.meetings; i++) {
        const preview = services.meetings.previewSchedule(organizer, { title: `Alliance meeting ${i + 1}`, when: `in ${i + 2} days at 18:00`, location: 'The Loft' });
        const confirmed = services.meetings.confirm(organizer, preview.draftId, 0);
        if (confirmed.kind !== 'scheduled') throw new Error(`meeting ${i} was not scheduled: ${confirmed.kind}`);
        const meetingId = confirmed.meetings[0]!.id;
        ids.push(meetingId);
        for (let k = 0; k < ITEMS_PER_MEETING; k++) {
          const member: Actor = { guildId: organizer.guildId, userId: members[(i * ITEMS_PER_MEETING + k) % members.length]!, isOrganizer: false, roleIds: [] };
          services.meetings.addItem(member, { meetingId, topic: `Topic ${k + 1}: shared insurance, events and the directory (${i + 1})`, minutes: 10 });
        }
      }
    })();
    state.meetingIds = ids;
  },

  interactions: [
    {
      name: '/agenda show',
      async send(ctx, i) {
        const ids = ctx.state.meetingIds as number[];
        const result = await slash(ctx, ctx.member(i), 'agenda show', { meeting: ids[i % ids.length]! });
        expectMessage(result, '/agenda show', hasEmbeds);
      },
    },
  ],
};
