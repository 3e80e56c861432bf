// Calendar feeds in the domain: the public feed holds only meetings marked public; a member's token shows every
// meeting of their alliance, is shown again on request, and stops working when reset or forgotten.
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../src/services.js';
import { manualClock } from '../../../src/shared/clock.js';
import { freshDb } from '../../support/db.js';

const GUILD = '100000000000000001';
const organizer = { guildId: GUILD, userId: '200000000000000001', isOrganizer: true, roleIds: [] };
const member = { guildId: GUILD, userId: '200000000000000002', isOrganizer: false, roleIds: [] };

function setup() {
  const database = freshDb();
  const clock = manualClock('2026-11-24T15:00:00Z');
  const services = createServices({ db: database.db, clock });
  services.alliances.update(organizer, { timezone: 'UTC' });
  const schedule = (title: string, when: string, isPublic?: boolean) => {
    const preview = services.meetings.previewSchedule(organizer, { title, when, ...(isPublic === undefined ? {} : { public: isPublic }) });
    return services.meetings.confirm(organizer, preview.draftId, 0);
  };
  return { services, schedule };
}

describe('calendar feeds', () => {
  it('public feed: only meetings marked public (default false)', () => {
    const { services, schedule } = setup();
    schedule('Open house', '2026-12-01 18:00', true);
    schedule('Organizers', '2026-12-02 18:00');
    expect(services.calendar.publicMeetings(GUILD).map((m) => m.title)).toEqual(['Open house']);
  });

  it('member feed: every meeting behind a token that reset and forget revoke', () => {
    const { services, schedule } = setup();
    schedule('Open house', '2026-12-01 18:00', true);
    schedule('Organizers', '2026-12-02 18:00');
    const first = services.calendar.feedToken(member);
    expect(first.fresh).toBe(true);
    expect(services.calendar.feedToken(member)).toEqual({ token: first.token, fresh: false });
    expect(services.calendar.memberFeed(first.token)?.meetings.map((m) => m.title)).toEqual(['Open house', 'Organizers']);
    const second = services.calendar.resetFeedToken(member);
    expect(services.calendar.memberFeed(first.token)).toBeNull();
    expect(services.calendar.memberFeed(second)?.guildId).toBe(GUILD);
    expect(services.calendar.forgetMember(GUILD, member.userId)).toBe(1);
    expect(services.calendar.memberFeed(second)).toBeNull();
    expect(services.calendar.memberFeed('../../etc/passwd')).toBeNull();
  });
});
