// The 24-hour agenda post and the "starting now" post run exactly once through the real scheduler,
// also when the bot restarts in between, and not at all for a cancelled meeting.
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/jobs/jobs.repo.js';
import { skipJob } from '../../../src/jobs/job-handler.js';
import { createScheduler } from '../../../src/scheduler/scheduler.js';
import { HOUR, MINUTE } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { actor, GUILD, MARCUS, organizer, setup, type Setup } from './harness.js';

let t: Setup;
afterEach(() => t?.close());

/** A scheduler whose handlers "post" by recording what the domain says to publish. */
function bot(t: Setup, posts: string[]) {
  const post = (which: 'agenda' | 'start') => async (job: Job) => {
    const { meetingId, startsAt } = job.payload as { meetingId: number; startsAt: number };
    const plan = t.services.meetings.scheduledPost(GUILD, meetingId, startsAt);
    if (plan.kind === 'skip') return skipJob(plan.reason);
    posts.push(`${which}:${plan.agenda.meeting.title}:${plan.agenda.items.length}`);
    t.services.meetings.recordPosted(GUILD, meetingId, which, `msg-${posts.length}`);
  };
  return createScheduler({
    jobs: t.services.jobs,
    clock: t.clock,
    logger: silentLogger,
    handlers: { 'meeting-agenda': post('agenda'), 'meeting-start': post('start') },
    planners: [() => void t.services.meetings.planOccurrences()],
  });
}

describe('automatic meeting posts', () => {
  it('post once each at 24 h and 10 min before, across a restart in between', async () => {
    t = setup();
    const meeting = t.schedule(actor(MARCUS), { title: 'Meetup', when: '2026-12-03 18:00' });
    t.services.meetings.addItem(actor(MARCUS), { meetingId: meeting.id, topic: 'Insurance', minutes: 20 });
    const posts: string[] = [];

    t.clock.set(meeting.startsAt - 25 * HOUR);
    await bot(t, posts).tick();
    expect(posts).toEqual([]);

    t.clock.set(meeting.startsAt - 24 * HOUR);
    await bot(t, posts).tick();
    await bot(t, posts).tick();
    expect(posts).toEqual(['agenda:Meetup:1']);

    // A restart: a new scheduler on the same database.
    t.clock.set(meeting.startsAt - 10 * MINUTE);
    const restarted = bot(t, posts);
    await restarted.tick();
    await restarted.tick();
    expect(posts).toEqual(['agenda:Meetup:1', 'start:Meetup:1']);
    expect(t.services.meetings.get(GUILD, meeting.id)).toMatchObject({ agendaMessageId: 'msg-1', startMessageId: 'msg-2' });
  });

  it('a cancelled meeting posts nothing; a rescheduled one posts at its new time only', async () => {
    t = setup();
    const cancelled = t.schedule(organizer(), { title: 'Cancelled', when: '2026-12-03 18:00' });
    const moved = t.schedule(organizer(), { title: 'Moved', when: '2026-12-04 18:00' });
    t.services.meetings.cancel(organizer(), cancelled.id);
    const preview = t.services.meetings.previewReschedule(organizer(), { meetingId: moved.id, when: '2026-12-05 18:00' });
    t.services.meetings.confirm(organizer(), preview.draftId, 0);
    const posts: string[] = [];
    for (let at = Date.parse('2026-12-02T00:00:00Z'); at <= Date.parse('2026-12-06T00:00:00Z'); at += 5 * MINUTE) {
      t.clock.set(at);
      await bot(t, posts).tick();
    }
    expect(posts).toEqual(['agenda:Moved:0', 'start:Moved:0']);
  });

  it('a bot that was down through a whole meeting does not post late', async () => {
    t = setup();
    const meeting = t.schedule(organizer(), { title: 'Missed', when: '2026-12-03 18:00' });
    t.clock.set(meeting.startsAt + 3 * HOUR);
    const posts: string[] = [];
    await bot(t, posts).tick();
    expect(posts).toEqual([]);
  });
});
