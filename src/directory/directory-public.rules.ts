// What the public web page may show of a space: consent decides, identity tags need the second consent, and
// nothing that names a Discord member (hosts, linked members, ids) ever leaves through this shape.
import { countryName } from './countries.js';
import { isIdentityTag } from './directory.rules.js';
import { foldKey } from './text.rules.js';

/** The columns the public view is built from (a row of `spaces`, or a search listing with the long texts). */
export interface PublicSource {
  id: number;
  name: string;
  city: string;
  region: string | null;
  country: string;
  latitude: number;
  longitude: number;
  desks: number | null;
  website: string | null;
  dayPass: string | null;
  tags: string | string[];
  publicTags?: boolean | number | null;
  description?: string | null;
  hours?: string | null;
  contact?: string | null;
  accessibility?: string | null;
  updatedAt?: number | null;
}

export interface PublicSpace {
  id: number;
  /** `<id>-<name-slug>`: the space page's path segment. */
  path: string;
  name: string;
  city: string;
  region: string | null;
  country: string;
  countryName: string;
  latitude: number;
  longitude: number;
  desks: number | null;
  website: string | null;
  dayPass: string | null;
  /** How to book a day pass and who answers, exactly as the host wrote it. */
  booking: string | null;
  hours: string | null;
  accessibility: string | null;
  description: string | null;
  tags: string[];
  updatedAt: number | null;
}

/** "Café Central, Zürich" → "cafe-central": ASCII, lowercase, hyphens; at most 60 characters. */
export function nameSlug(name: string): string {
  return foldKey(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'space';
}

/** Tags the public may see: all of them with the second consent, else every tag that is not an identity tag. */
export function publicTags(tags: readonly string[], consent: boolean): string[] {
  return consent ? [...tags] : tags.filter((tag) => !isIdentityTag(tag));
}

export function publicView(row: PublicSource): PublicSpace {
  const tags = Array.isArray(row.tags) ? row.tags : row.tags ? row.tags.split(' ') : [];
  return {
    id: row.id,
    path: `${row.id}-${nameSlug(row.name)}`,
    name: row.name,
    city: row.city,
    region: row.region,
    country: row.country,
    countryName: countryName(row.country),
    latitude: row.latitude,
    longitude: row.longitude,
    desks: row.desks,
    website: row.website,
    dayPass: row.dayPass,
    booking: row.contact ?? null,
    hours: row.hours ?? null,
    accessibility: row.accessibility ?? null,
    description: row.description ?? null,
    tags: publicTags(tags, Boolean(row.publicTags)),
    updatedAt: row.updatedAt ?? null,
  };
}
