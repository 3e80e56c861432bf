// Likely time zones for an alliance: the zones of its listed spaces (most spaces first), then the zones of the
// world's big cities by population, so "Amer" in the time-zone list reaches America/Chicago before America/Adak.
import tzLookup from '@photostructure/tz-lookup';
import type { Clock } from '../shared/clock.js';
import { createRecentMap } from '../shared/recent-map.js';
import type { DirectorySearchRepo } from './directory-search.repo.js';
import type { Gazetteer } from './gazetteer.js';

/** Cities this big decide the population order of zones (about 4,000 places: a few ms, once per process). */
const MIN_POPULATION = 100_000;
const WORLD = { minLat: -90, maxLat: 90, minLon: -180, maxLon: 180 };

let populous: string[] | undefined;

function zoneAt(lat: number, lon: number): string | null {
  try {
    return tzLookup(lat, lon);
  } catch {
    return null;
  }
}

/** Zones in order of how many of `points` fall in each (ties: first seen). */
function byCount(points: { lat: number; lon: number; weight: number }[]): string[] {
  const totals = new Map<string, number>();
  for (const { lat, lon, weight } of points) {
    const zone = zoneAt(lat, lon);
    if (zone) totals.set(zone, (totals.get(zone) ?? 0) + weight);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).map(([zone]) => zone);
}

/** An alliance's own zones are read again after this long: autocomplete runs on every keystroke. */
const USED_TTL_MS = 5 * 60_000;
/** Alliances whose likely zones are kept (each ~4,000 references, ~32 KB): the rest are read again when asked. */
const KEPT_ALLIANCES = 256;

export function createTimeZoneRanking(deps: { search: DirectorySearchRepo; gazetteer: () => Gazetteer; clock: Clock; keptAlliances?: number }) {
  // The whole list is kept, not only the alliance's own zones: the autocomplete indexes each list once (see
  // timezone-choices.rules.ts), and a list built again on every keystroke was ~36 KB of garbage per call.
  const likelyByGuild = createRecentMap<string, { at: number; zones: string[] }>(deps.keptAlliances ?? KEPT_ALLIANCES);

  return {
    /** The alliance's spaces' zones first, then zones by the population of their big cities. */
    likelyTimeZones(guildId: string): string[] {
      const now = deps.clock.now().getTime();
      const kept = likelyByGuild.get(guildId);
      if (kept && now - kept.at < USED_TTL_MS) return kept.zones;
      populous ??= byCount(deps.gazetteer().largest(MIN_POPULATION).map((p) => ({ lat: p.lat, lon: p.lon, weight: p.population })));
      const used = byCount(deps.search.inBox(guildId, WORLD).map((s) => ({ lat: s.latitude, lon: s.longitude, weight: 1 })));
      return likelyByGuild.set(guildId, { at: now, zones: [...new Set([...used, ...populous])] }).zones;
    },
  };
}
