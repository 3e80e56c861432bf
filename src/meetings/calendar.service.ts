// Calendar feeds of meetings: the alliance's public meetings, and a member's private feed of every meeting behind
// a random token (shown again on request, replaced on reset). Read-only views; no member ids in them.
import { randomBytes } from 'node:crypto';
import type { Actor } from '../shared/actor.js';
import { DAY, MINUTE, type Clock } from '../shared/clock.js';
import type { CalendarRepo } from './calendar.repo.js';

export interface FeedMeeting {
  /** Stable across reschedules: a moved meeting moves in the subscriber's calendar instead of doubling. */
  uid: string;
  title: string;
  startsAt: number;
  endsAt: number;
  /** The place or link the organizer wrote; "Discord voice channel" for a voice meeting; null when not said. */
  location: string | null;
  cancelled: boolean;
  createdAt: number;
}

/** Feeds look this far back, so last week's meeting is still in the calendar. */
const PAST = 60 * DAY;
const FEED_LIMIT = 500;
/** 32 url-safe characters (192 bits): unguessable. */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

export function createCalendarService(deps: { repo: CalendarRepo; clock: Clock }) {
  const { repo, clock } = deps;

  function feed(guildId: string, onlyPublic: boolean): FeedMeeting[] {
    return repo.meetingsFrom(guildId, clock.now().getTime() - PAST, FEED_LIMIT, onlyPublic).map((row) => ({
      uid: `meeting-${row.id}`,
      title: row.title,
      startsAt: row.startsAt,
      endsAt: row.startsAt + row.durationMinutes * MINUTE,
      location: row.location ?? (row.voiceChannelId ? 'Discord voice channel' : null),
      cancelled: row.status === 'cancelled',
      createdAt: row.createdAt,
    }));
  }

  function newToken(actor: Actor): string {
    const token = randomBytes(24).toString('base64url');
    repo.setToken(actor.guildId, actor.userId, token, clock.now().getTime());
    return token;
  }

  return {
    /** Meetings an organizer marked public (the alliance's events.ics). */
    publicMeetings(guildId: string): FeedMeeting[] {
      return feed(guildId, true);
    },

    /** The member's private feed: every meeting of their alliance; null for an unknown (or reset) token. */
    memberFeed(token: string): { guildId: string; meetings: FeedMeeting[] } | null {
      if (!TOKEN.test(token)) return null;
      const owner = repo.byToken(token);
      return owner ? { guildId: owner.guildId, meetings: feed(owner.guildId, false) } : null;
    },

    /** The member's feed token, made on first use. `fresh` says it was just made. */
    feedToken(actor: Actor): { token: string; fresh: boolean } {
      const existing = repo.tokenOf(actor.guildId, actor.userId);
      return existing ? { token: existing, fresh: false } : { token: newToken(actor), fresh: true };
    },

    /** A new token; the old address stops working at once. */
    resetFeedToken(actor: Actor): string {
      return newToken(actor);
    },

    /** Privacy: the member's feed token goes with their data. */
    forgetMember(guildId: string, userId: string): number {
      return repo.forget(guildId, userId);
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
