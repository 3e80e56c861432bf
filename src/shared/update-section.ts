// The one small interface through which each feature contributes a section to the monthly update.
// Sections return plain text lines (Discord markdown allowed, no mentions needed); the rhythm feature
// assembles, splits to Discord's limits and posts them.
import type { MessageValue } from './errors.js';

export interface UpdatePeriod {
  guildId: string;
  /** Start of the month just ended (inclusive), epoch ms. */
  from: number;
  /** End of the month just ended = start of the current one (exclusive), epoch ms. */
  to: number;
  /** End of the month ahead (exclusive), epoch ms: for "coming up" content. */
  aheadTo: number;
  now: number;
  timezone: string;
}

/**
 * A sentence of a section by meaning, written in the alliance's language when the update is composed: a catalogue
 * key with its values; `days` (YYYY-MM-DD) are written in words and `lists` joined ("A, B and C") in that language.
 */
export interface SectionText {
  key: string;
  /** Plain data; a place value ({ country, city?, region? }) has its country named in that language. */
  values?: Record<string, MessageValue>;
  days?: Record<string, string>;
  lists?: Record<string, string[]>;
}

/** English text (older sections) or a sentence by key (said in the alliance's language). */
export type SectionLine = string | SectionText;

export interface UpdateSectionContent {
  title: SectionLine;
  /** Lines of the section; an empty list means "nothing to say" and the section is left out. */
  lines: SectionLine[];
}

export interface UpdateSectionProvider {
  /** Stable id, e.g. "directory", used for ordering and tests. */
  id: string;
  /** Lower comes first. */
  order: number;
  /**
   * `organizers`: the section goes to the organizers channel beside the update (e.g. how many spaces are in good
   * standing), never into the public post. Default `members`.
   */
  audience?: 'members' | 'organizers';
  build(period: UpdatePeriod): UpdateSectionContent | UpdateSectionContent[] | null;
}
