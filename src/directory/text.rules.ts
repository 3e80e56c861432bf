// Text folding shared by the directory: one accent- and case-insensitive key so "Montréal" and "montreal" meet.

/** Lowercase, accents removed, every run of non-letters/digits a single space: the key for names and cities. */
export function foldKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Shared with near-duplicate detection of ideas and agenda items. */
export { editDistance } from '../shared/near-duplicate.js';

/** Great-circle distance in km (haversine, mean Earth radius). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  /** When minLon > maxLon the box crosses the antimeridian: longitudes ≥ minLon or ≤ maxLon. */
  minLon: number;
  maxLon: number;
}

/** A box that surely contains every point within `radiusKm` of the centre: the indexed prefilter before haversine. */
export function boundingBox(lat: number, lon: number, radiusKm: number): BoundingBox {
  const dLat = radiusKm / 111.0;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  // Near a pole (or a radius wider than the globe) every longitude may be in reach.
  const cosLat = Math.min(Math.cos((minLat * Math.PI) / 180), Math.cos((maxLat * Math.PI) / 180));
  if (maxLat >= 89.9 || minLat <= -89.9 || cosLat <= 0.01) return { minLat, maxLat, minLon: -180, maxLon: 180 };
  const dLon = radiusKm / (111.0 * cosLat);
  if (dLon >= 180) return { minLat, maxLat, minLon: -180, maxLon: 180 };
  let minLon = lon - dLon;
  let maxLon = lon + dLon;
  if (minLon < -180) minLon += 360;
  if (maxLon > 180) maxLon -= 360;
  return { minLat, maxLat, minLon, maxLon };
}

/**
 * A box whose every point lies within `radiusKm` of the centre (a square of half-side 0.65 × radius, its longitude
 * span taken at the latitude where a degree is widest): points found in it surely count toward a circle's total.
 * Null when no such box is useful (near a pole or across the antimeridian).
 */
export function innerBox(lat: number, lon: number, radiusKm: number): BoundingBox | null {
  const half = 0.65 * radiusKm;
  const dLat = half / 111.2;
  const minLat = lat - dLat;
  const maxLat = lat + dLat;
  if (minLat <= -89 || maxLat >= 89) return null;
  const widest = minLat <= 0 && maxLat >= 0 ? 0 : Math.min(Math.abs(minLat), Math.abs(maxLat));
  const dLon = half / (111.2 * Math.cos((widest * Math.PI) / 180));
  if (lon - dLon < -180 || lon + dLon > 180) return null;
  return { minLat, maxLat, minLon: lon - dLon, maxLon: lon + dLon };
}
