// The nearest approved spaces within a radius, read from the R*Tree without visiting every space in range: what
// `/directory near` pages through, with its count capped like a search's.
import type { DirectorySearchRepo } from './directory-search.repo.js';
import { boundingBox, haversineKm, innerBox, type BoundingBox } from './text.rules.js';

export interface NearestSpaces {
  /** Nearest first by the spaces' own coordinates (ties by id), at most `want`. */
  found: { id: number; km: number }[];
  /** Spaces within the radius, counted no further than the cap unless they were all read anyway. */
  total: number;
  /** There are at least `total` (shown as "100+"). */
  capped: boolean;
}

/** Spaces read beyond a page's last, so that near-ties the tree's coordinates cannot order are all in hand. */
const MARGIN = 20;
/**
 * The tree keeps coordinates as 32-bit floats: a distance from them is within about a metre of the true one. Spaces
 * closer than this to a decision (the page's last place, the circle's rim) are measured from their own coordinates.
 */
const SLACK_KM = 0.005;

/** A box holding fewer than this many times the spaces asked for is measured in JavaScript (see nearestRows). */
const READ_WHOLE = 4;

/** How much narrower than an evenly filled circle would need the first box is (see nearest). */
const FIRST_BOX_SHRINK = 8;

type Point = { id: number; latitude: number; longitude: number };

export function createNearFinder(deps: { search: Pick<DirectorySearchRepo, 'geoBox' | 'geoCount' | 'geoNearest' | 'coordinates'>; countCap: number }) {
  const { search, countCap } = deps;
  const byKm = (a: { id: number; km: number }, b: { id: number; km: number }) => a.km - b.km || a.id - b.id;

  /**
   * Of the spaces read from box(r): the `want` nearest within r, and how many lie within r, both as the spaces'
   * own coordinates say. Only the few the tree's distances cannot decide are read again: those that may be among
   * the first `want`, and those on the rim.
   */
  function settle(guildId: string, lat: number, lon: number, rows: Point[], r: number, want: number) {
    const approx = rows
      .map((row) => ({ row, id: row.id, km: haversineKm(lat, lon, row.latitude, row.longitude) }))
      .filter((d) => d.km <= r + SLACK_KM)
      .sort(byKm);
    const last = approx.length >= want ? approx[want - 1]!.km + 2 * SLACK_KM : Infinity;
    // Spaces at one point of the tree are ordered by id (as equal coordinates always were); distinct points whose
    // distances are too close to call, and spaces on the rim, are measured from their own coordinates.
    const samePoint = (a: Point, b: Point) => a.latitude === b.latitude && a.longitude === b.longitude;
    const close = (i: number, j: number) => j >= 0 && j < approx.length && Math.abs(approx[i]!.km - approx[j]!.km) < 2 * SLACK_KM && !samePoint(approx[i]!.row, approx[j]!.row);
    const uncertain = approx.filter((d, i) => (d.km <= last && (close(i, i - 1) || close(i, i + 1))) || d.km > r - SLACK_KM);
    const exact = new Map(search.coordinates(guildId, uncertain.map((d) => d.id)).map((p) => [p.id, haversineKm(lat, lon, p.latitude, p.longitude)]));
    const kmOf = (d: { id: number; km: number }) => exact.get(d.id) ?? d.km;
    const found = approx
      .filter((d) => d.km <= last)
      .map((d) => ({ id: d.id, km: kmOf(d) }))
      .filter((d) => d.km <= r)
      .sort(byKm)
      .slice(0, want);
    const within = approx.filter((d) => kmOf(d) <= r).length;
    // The distance up to which the order is settled: a space read later must lie beyond it.
    return { found, within, settledUpTo: last };
  }

  /**
   * The `limit` spaces of the box nearest to the point, as geoNearest orders them. A box holding a few times the limit
   * is read as it is and measured here: SQLite's trigonometry per row cost more than the row (1.3 µs a space); a
   * busier one is measured and trimmed by SQLite, so that it makes no JavaScript object per space.
   */
  function nearestRows(guildId: string, box: BoundingBox, lat: number, lon: number, limit: number): Point[] {
    const few = search.geoBox(guildId, box, READ_WHOLE * limit);
    if (few.length === READ_WHOLE * limit) return search.geoNearest(guildId, box, lat, lon, limit);
    return few
      .map((row) => ({ row, km: haversineKm(lat, lon, row.latitude, row.longitude) }))
      .sort((a, b) => a.km - b.km || a.row.id - b.row.id)
      .slice(0, limit)
      .map((d) => d.row);
  }

  return {
    /**
     * The `want` nearest spaces within `radiusKm`. A circle holding fewer than the count cap (counted in a box
     * inside it, at most countCap entries of the tree) is read whole, as before: its total is exact. A busier one
     * has "at least the cap" spaces, and SQLite keeps only its `want` nearest (plus a margin for near-ties) while
     * measuring the circle in C: no JavaScript object for each of the thousands of spaces a 50 km circle around a
     * big city may hold, and the count stops at the cap.
     */
    nearest(guildId: string, lat: number, lon: number, radiusKm: number, want: number): NearestSpaces {
      const whole = (): NearestSpaces => {
        const { found, within } = settle(guildId, lat, lon, search.geoBox(guildId, boundingBox(lat, lon, radiusKm), -1), radiusKm, want);
        return { found, total: within, capped: false };
      };
      const inner = innerBox(lat, lon, radiusKm);
      const sure = inner ? search.geoCount(guildId, inner, countCap) : 0;
      if (sure < countCap) return whole();
      // At least the cap: the nearest `want` and a margin, measured and kept by SQLite (see geoNearest), first in a
      // small box, then in boxes twice as wide until the page is settled. Without it SQLite measured every space of a
      // big city's 50 km box (about 1,000 at 100,000 spaces) for a first page of ten. The first box is a quarter as
      // wide as one holding about twice `want` if the circle were evenly filled (the inner box's count, capped, says
      // how busy it is at least): spaces crowd around city centres, and a tree read of a small box costs little.
      for (let d = Math.min(radiusKm, (radiusKm * Math.sqrt(want / sure)) / FIRST_BOX_SHRINK); ; d = Math.min(radiusKm, d * 2)) {
        const answer = nearestInBox(d);
        if (answer) return answer;
      }

      /** The page from box(d), or null when a wider box must be read (never for the circle's own box). */
      function nearestInBox(d: number): NearestSpaces | null {
        const rows = nearestRows(guildId, boundingBox(lat, lon, d), lat, lon, want + MARGIN);
        const { found, within, settledUpTo } = settle(guildId, lat, lon, rows, radiusKm, want);
        const circleBox = d >= radiusKm;
        // A space outside a smaller box may lie just beyond its inscribed circle; outside the circle's own box, beyond the radius.
        const boxReach = circleBox ? Infinity : d - SLACK_KM;
        // Every space nearer than this was read: what was found is what the whole circle would give up to there.
        const lastRead = rows.length < want + MARGIN ? Infinity : haversineKm(lat, lon, rows.at(-1)!.latitude, rows.at(-1)!.longitude) - SLACK_KM;
        const read = Math.min(boxReach, lastRead);
        // Spaces at one point of the tree (a city's own coordinates, shared by every space registered without its own)
        // are as far as each other: ordered by id, as they always were, whichever of them the margin reached.
        const tail = rows.slice(want - 1);
        const onePoint = tail.length > 0 && tail.every((row) => row.latitude === tail[0]!.latitude && row.longitude === tail[0]!.longitude) && haversineKm(lat, lon, tail[0]!.latitude, tail[0]!.longitude) < boxReach;
        if (found.length >= want && (settledUpTo < read || onePoint)) return { found, total: Math.max(sure, want), capped: true };
        if (!circleBox) return null;
        if (read > radiusKm + SLACK_KM) return { found, total: within, capped: false };
        return whole();
      }
    },
  };
}
