// Which alliance a page address names, asked of the database once per change of the database rather than on every
// request: the lookup went through the query builder each time (0.06-0.11 ms of a directory page's 0.7-0.8 ms of CPU).
import type { AllianceSettings } from '../alliances/alliances.service.js';

/** Alliances with a public page remembered at most (a bot serves few; unknown slugs are never remembered). */
const MAX_KEPT = 200;

/**
 * `dataVersion` changes whenever another connection committed (SQLite's `PRAGMA data_version`): the page's thread
 * reads through its own connection, so what it found stays true until the bot writes. Without it (the page on the
 * bot's own connection, whose writes it would not see) every request asks the database.
 */
export function createAllianceLookup(publicPage: (slug: string) => AllianceSettings | null, dataVersion?: () => number) {
  let version: number | null = null;
  const kept = new Map<string, AllianceSettings>();
  return (slug: string): AllianceSettings | null => {
    if (!dataVersion) return publicPage(slug);
    const now = dataVersion();
    if (now !== version) {
      kept.clear();
      version = now;
    }
    const known = kept.get(slug);
    if (known) return known;
    const found = publicPage(slug);
    if (found && kept.size < MAX_KEPT) kept.set(slug, found);
    return found;
  };
}
