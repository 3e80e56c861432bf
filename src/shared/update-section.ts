// The one small interface through which each feature contributes a section to the monthly update.
// Sections return plain text lines (Discord markdown allowed, no mentions needed); the rhythm feature
// assembles, splits to Discord's limits and posts them.

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

export interface UpdateSectionContent {
  title: string;
  /** Lines of the section; an empty list means "nothing to say" and the section is left out. */
  lines: string[];
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
