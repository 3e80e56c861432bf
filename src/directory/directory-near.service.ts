// The nearest approved spaces within a radius, read from the R*Tree without visiting every space in range: what
// `/directory near` pages through, with its count capped like a search's.
import type { DirectorySearchRepo } from './directory-search.repo.js';
import { boundingBox, haversineKm, innerBox } from './text.rules.js';

export interface NearestSpaces {
  /** Nearest first by the spaces' own coordinates (ties by id), at most `want`. */
  found: { id: number; km: number }[];
  /** Spaces within the radius, counted no further than the cap unless they were all read anyway. */
  total: number;
  /** There are at least `total` (shown as "100+"). */
  capped: boolean;
}

/** Steps of the radius search before it falls back to reading the whole circle. */
const MAX_STEPS = 12;
/**
 * The tree keeps coordinates as 32-bit floats: a distance from them is within about a metre of the true one. Spaces
 * closer than this to a decision (the page's last place, the circle's rim) are measured from their own coordinates.
 */
const SLACK_KM = 0.005;

type Point = { id: number; latitude: number; longitude: number };

export function createNearFinder(deps: { search: Pick<DirectorySearchRepo, 'geoBox' | 'geoCount' | 'coordinates'>; countCap: number }) {
  const { search, countCap } = deps;
  const byKm = (a: { id: number; km: number }, b: { id: number; km: number }) => a.km - b.km || a.id - b.id;

  /**
   * Of the spaces read from box(r): the `want` nearest within r, and how many lie within r, both as the spaces'
   * own coordinates say. Only the few the tree's distances cannot decide are read again: those that may be among
   * the first `want`, and those on the rim.
   */
  function settle(guildId: string, lat: number, lon: number, rows: Point[], r: number, want: number) {
    const approx = rows.map((row) => ({ id: row.id, km: haversineKm(lat, lon, row.latitude, row.longitude) })).filter((d) => d.km <= r + SLACK_KM).sort(byKm);
    const last = approx.length >= want ? approx[want - 1]!.km + 2 * SLACK_KM : Infinity;
    const uncertain = approx.filter((d) => d.km <= last || d.km > r - SLACK_KM);
    const exact = new Map(search.coordinates(guildId, uncertain.map((d) => d.id)).map((p) => [p.id, haversineKm(lat, lon, p.latitude, p.longitude)]));
    const found = approx
      .filter((d) => d.km <= last)
      .map((d) => ({ id: d.id, km: exact.get(d.id) ?? Infinity }))
      .filter((d) => d.km <= r)
      .sort(byKm)
      .slice(0, want);
    const within = approx.filter((d) => (d.km > r - SLACK_KM ? (exact.get(d.id) ?? Infinity) <= r : true)).length;
    return { found, within };
  }

  return {
    /**
     * The `want` nearest spaces within `radiusKm`. A circle holding fewer than the count cap (counted in a box
     * inside it, at most countCap entries of the tree) is read whole, as before: its total is exact. A busier one
     * has "at least the cap" spaces, and its nearest are searched with a growing or shrinking radius, each step
     * reading a bounded box, until a circle holds `want`: work follows the page asked for, not the thousands of
     * spaces a 50 km circle around a big city may hold.
     */
    nearest(guildId: string, lat: number, lon: number, radiusKm: number, want: number): NearestSpaces {
      const whole = (): NearestSpaces => {
        const { found, within } = settle(guildId, lat, lon, search.geoBox(guildId, boundingBox(lat, lon, radiusKm), -1), radiusKm, want);
        return { found, total: within, capped: false };
      };
      const inner = innerBox(lat, lon, radiusKm);
      const sure = inner ? search.geoCount(guildId, inner, countCap) : 0;
      if (sure < countCap) return whole();
      // At least `sure` spaces in the inner box (1.69 r²): start with a radius expected to hold twice `want`.
      const density = sure / (1.69 * radiusKm * radiusKm);
      const most = 4 * want + 40;
      let r = Math.min(radiusKm, Math.max(radiusKm / 1000, Math.sqrt((2 * want) / (Math.PI * density))));
      let tooWide = Infinity;
      for (let step = 0; step < MAX_STEPS; step++) {
        const rows = search.geoBox(guildId, boundingBox(lat, lon, r), most + 1);
        if (rows.length > most) {
          // Too many to read for one page: a smaller circle.
          tooWide = r;
          r /= 2;
          continue;
        }
        const { found, within } = settle(guildId, lat, lon, rows, r, want);
        if (found.length >= want) return { found, total: Math.max(sure, want), capped: true };
        if (r >= radiusKm) return { found, total: within, capped: false };
        // Too few: a wider circle (short of one that held too many).
        r = Math.min(radiusKm, tooWide === Infinity ? r * 2 : Math.sqrt(r * tooWide));
      }
      return whole();
    },
  };
}
