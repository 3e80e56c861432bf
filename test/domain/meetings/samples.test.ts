// The shell's demo data for meetings seeds cleanly, once.
import { afterEach, describe, expect, it } from 'vitest';
import { seedMeetingsSamples } from '../../../src/shell/demo/meetings-samples.js';
import { GUILD, MARCUS, OLIVIA, PRIYA, SAM, setup, type Setup } from './harness.js';

let t: Setup;
afterEach(() => t?.close());

const members = { olivia: OLIVIA, marcus: MARCUS, priya: PRIYA, sam: SAM, lee: '200000000000000005' };

describe('meetings samples', () => {
  it('seed an upcoming meeting with an agenda, priorities and ranked ideas, and only once', () => {
    t = setup();
    seedMeetingsSamples(t.services, { guildId: GUILD, members });
    seedMeetingsSamples(t.services, { guildId: GUILD, members });
    const [meeting, next] = t.services.meetings.list(GUILD);
    expect(meeting?.agendaLength).toBe(3);
    expect(next?.agendaLength).toBe(0);
    expect(t.services.meetings.agenda(GUILD, meeting!.id).overByMinutes).toBe(5);
    expect(t.services.ideas.priorities(GUILD).priorities).toHaveLength(2);
    expect(t.services.ideas.listIdeas({ guildId: GUILD, userId: SAM, isOrganizer: false, roleIds: [] }).ideas.map((i) => i.dots)).toEqual([3, 1, 0]);
  });
});
