// What the rhythm domain needs from the outside, as plain types: a way to publish posts (the Discord poster
// behind it), the directory's spaces, and Discord scheduled events. The adapter supplies them; tests fake them.
import type { ErrorText } from '../shared/errors.js';
import type { UpdateSectionContent } from '../shared/update-section.js';
import type { ReminderDraft, UpdateDraft, WeekDraft } from './content.rules.js';

/** Embed data in Discord's own shape (a subset), already within Discord's limits. */
export interface PostEmbed {
  title: string;
  description: string;
  color: number;
  footer?: { text: string };
}

/** One channel message: embeds only, so nothing in it can ping anyone. */
export interface PostMessage {
  embeds: PostEmbed[];
}

export interface PublishTarget {
  guildId: string;
  channelId: string;
  /**
   * Idempotency key of the whole post: publishing the same key again (after a crash) must not post twice.
   * The poster derives one nonce per message from it (`<key>#<index>`).
   */
  key: string;
}

export interface PublishedMessage {
  channelId: string;
  messageId: string;
}

/** Posts messages in order; throws when Discord refuses (the scheduler retries, the command reports it). */
export type Publish = (target: PublishTarget, messages: PostMessage[]) => Promise<PublishedMessage[]>;

export interface HostedSpace {
  id: number;
  name: string;
}

export interface SpaceChoice extends HostedSpace {
  city: string | null;
}

/** The directory feature's view of spaces, as the rhythm feature needs it. */
export interface SpacesDirectory {
  spacesHostedBy(guildId: string, userId: string): HostedSpace[];
  spaceAutocomplete(guildId: string, query: string, options: { hostedBy?: string }): SpaceChoice[];
}

/** Until the directory is wired in, nobody hosts a space. */
export const noSpacesDirectory: SpacesDirectory = {
  spacesHostedBy: () => [],
  spaceAutocomplete: () => [],
};

export interface ScheduledEventInput {
  name: string;
  /** What the event's description says (the adapter words it in the alliance's language). */
  about: { spaceName: string; year: number; link: string | null };
  startAt: number;
  endAt: number;
  /** External events need a location: the link, or the space's name. */
  location: string;
}

/** Creates the Discord scheduled event of a hosted Coworking Day event (external, with a location). */
export interface ScheduledEvents {
  create(guildId: string, event: ScheduledEventInput): Promise<{ id: string }>;
  /** Best effort: used to undo an event whose registration could not be stored. */
  remove(guildId: string, eventId: string): Promise<void>;
}

/**
 * Whether the bot can post in a channel (checked by the adapter when organizers pick one): null when it can, else
 * a member-readable message that names the `channel` option.
 */
export type ChannelCheck = (guildId: string, channelId: string) => Promise<ErrorText | null>;

export function messageUrl(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}

/**
 * Writes rhythm posts in one language (the alliance's): the Discord layer supplies it with each call that composes
 * a post, so the domain decides what is said and the words stay in the catalogues.
 */
export interface RhythmWriter {
  update(draft: UpdateDraft): PostMessage[];
  /** The organizers-only companion of a month's update; empty when there is nothing. */
  organizersNote(period: string, sections: UpdateSectionContent[]): PostMessage[];
  reminder(draft: ReminderDraft): PostMessage[];
  weekAnnouncement(draft: WeekDraft): PostMessage[];
}

/** The writer of one alliance's posts (scheduled jobs have no interaction: the language comes from its settings). */
export type WriterFor = (guildId: string) => RhythmWriter;
