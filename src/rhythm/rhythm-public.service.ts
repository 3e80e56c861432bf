// The public web page's read-only view of the rhythm: the archive of posted monthly updates and the Coworking
// Day / coworking-week open houses spaces registered (no host names or ids leave through these shapes).
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { Clock } from '../shared/clock.js';
import { monthName } from './content.rules.js';
import { localDateOf } from './due.rules.js';
import type { RhythmRepo } from './rhythm.repo.js';

export interface ArchivedUpdate {
  /** YYYY-MM, the month the update counts for. */
  period: string;
  /** "March 2027". */
  title: string;
  postedAt: number;
  /** The posted embeds (Discord markdown, as posted). */
  sections: { title: string; description: string }[];
}

export interface PublicEvent {
  /** Stable across edits (the feed's UID). */
  uid: string;
  title: string;
  spaceName: string;
  startsAt: number;
  endsAt: number;
  link: string | null;
  createdAt: number;
}

const ARCHIVE_LIMIT = 240;
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function createRhythmPublicService(deps: { repo: RhythmRepo; alliances: Pick<AlliancesService, 'settings'>; clock: Clock }) {
  const { repo, alliances, clock } = deps;

  /** One update per month (the newest post of it), newest month first. */
  function archive(guildId: string): ArchivedUpdate[] {
    const seen = new Set<string>();
    const out: ArchivedUpdate[] = [];
    for (const row of repo.archived(guildId, ARCHIVE_LIMIT)) {
      if (seen.has(row.period) || !row.content) continue;
      seen.add(row.period);
      const [, year, month] = PERIOD.exec(row.period) ?? [];
      out.push({ period: row.period, title: year ? monthName({ year: Number(year), month: Number(month) }) : row.period, postedAt: row.postedAt, sections: row.content });
    }
    return out.sort((a, b) => b.period.localeCompare(a.period));
  }

  return {
    archive,

    /** One month's update, or null (bad period, never posted, or posted before content was kept). */
    update(guildId: string, period: string): ArchivedUpdate | null {
      if (!PERIOD.test(period)) return null;
      return archive(guildId).find((entry) => entry.period === period) ?? null;
    },

    /** Open houses of this year's and last year's editions, in time order. */
    events(guildId: string): PublicEvent[] {
      const year = localDateOf(clock.now().getTime(), alliances.settings(guildId).timezone).year;
      return [year - 1, year, year + 1]
        .flatMap((edition) => repo.events(guildId, edition))
        .map((row) => ({
          uid: `icd-${row.id}`,
          title: row.title,
          spaceName: row.spaceName,
          startsAt: row.startsAt,
          endsAt: row.endsAt,
          link: row.link,
          createdAt: row.createdAt,
        }));
    },
  };
}

export type RhythmPublicService = ReturnType<typeof createRhythmPublicService>;
