// Pure directory decisions: tag shape, profile field limits and validation, who may change a space, FTS queries.
import { z } from 'zod';
import { msg, problem, type FieldProblem } from '../shared/errors.js';
import { between, issueProblem } from '../shared/validate.js';
import { foldKey } from './text.rules.js';

/** The largest CSV import: file size, rows, and how many problems a report lists. */
export const CSV_LIMITS = { bytes: 5 * 1024 * 1024, rows: 20_000, reportedProblems: 30 } as const;

export const LIMITS = {
  name: 80,
  city: 100,
  region: 60,
  country: 60,
  website: 200,
  dayPass: 200,
  description: 1000,
  hours: 300,
  contact: 300,
  accessibility: 300,
  tags: 10,
  minDesks: 1,
  maxDesks: 5000,
  searchText: 100,
  radiusKm: { min: 1, max: 1000, default: 50 },
  pageSize: 10,
  /** Searches count matches up to here ("200+"): counting every match cost more than the page itself. */
  countCap: 100,
} as const;

const TAG_SHAPE = /^[a-z0-9-]{2,30}$/;

/** Tags the autocomplete offers before an alliance has its own (identity, kind, amenity). */
export const SUGGESTED_TAGS = [
  'bipoc-owned', 'black-owned', 'latinx-owned', 'indigenous-owned', 'asian-owned', 'women-owned', 'lgbtq-owned',
  'disability-owned', 'veteran-owned', 'coworking', 'makerspace', 'studio', 'incubator', 'creative-hub',
  'childcare', 'accessible', 'quiet', 'podcast-room', 'meeting-room', 'phone-booths', 'kitchen', 'bike-parking',
  'parking', 'pet-friendly', 'open-24-7',
] as const;

/** "Women Owned" → "women-owned": case and inner spaces are forgiven, anything else is the member's to fix. */
/**
 * Identity tags (women-owned, bipoc-owned, lgbtq-owned…, and -led variants): shown on the public page only with
 * the host's second consent (public-tags:yes). A rule on the tag's shape, so tags an alliance invents are covered.
 */
export function isIdentityTag(tag: string): boolean {
  return /-(owned|led)$/.test(tag);
}

/** Words that make up identity tags: a public text search containing one does not look in tags at all. */
export function mentionsIdentity(text: string, knownTags: readonly string[] = SUGGESTED_TAGS): boolean {
  const words = new Set(foldKey(text).split(/[^a-z0-9]+/).filter(Boolean));
  if (words.has('owned') || words.has('led')) return true;
  return knownTags.filter(isIdentityTag).some((tag) => tag.split('-').some((part) => part !== 'owned' && part !== 'led' && words.has(part)));
}

export function normalizeTag(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, '-');
}

export function isValidTag(tag: string): boolean {
  return TAG_SHAPE.test(tag);
}

/** Parses the comma-separated tags option: normalized, de-duplicated, each checked, at most 10. */
export function parseTags(raw: string, field = 'tags'): { tags: string[]; problems: FieldProblem[] } {
  const tags: string[] = [];
  const problems: FieldProblem[] = [];
  for (const part of raw.split(',')) {
    if (!part.trim()) continue;
    const tag = normalizeTag(part);
    if (!isValidTag(tag)) {
      problems.push(problem(field, msg('directory.tags.badTag', { tag: part.trim().slice(0, 40) })));
    } else if (!tags.includes(tag)) {
      tags.push(tag);
    }
  }
  if (tags.length > LIMITS.tags) problems.push(problem(field, msg('directory.tags.tooMany', { field, limit: LIMITS.tags })));
  return { tags, problems };
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const websiteSchema = z
  .string()
  .trim()
  .max(LIMITS.website)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'directory.profile.badWebsite');

/** Every profile field a member can set (options and modal together); service resolves city/country after. */
export const profileSchema = z.object({
  name: z.string().trim().min(2).max(LIMITS.name),
  city: z.string().trim().min(1).max(LIMITS.city),
  country: z.string().trim().min(2).max(LIMITS.country),
  region: optionalText(LIMITS.region),
  desks: z
    .number()
    .int()
    .refine(...between(LIMITS.minDesks, LIMITS.maxDesks))
    .nullable()
    .optional(),
  website: z
    .union([websiteSchema, z.literal('')])
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional(),
  dayPass: optionalText(LIMITS.dayPass),
  tags: z.string().max(1000).nullable().optional(),
  latitude: z.number().refine(...between(-90, 90)).nullable().optional(),
  longitude: z
    .number()
    .refine(...between(-180, 180))
    .nullable()
    .optional(),
  description: optionalText(LIMITS.description),
  hours: optionalText(LIMITS.hours),
  contact: optionalText(LIMITS.contact),
  accessibility: optionalText(LIMITS.accessibility),
});

export type ProfileInput = z.input<typeof profileSchema>;
export type ProfileFields = z.output<typeof profileSchema>;

/** The profile columns a checked profile writes: one mapping for register, edit and import. */
export function profileColumns(fields: ProfileFields) {
  return {
    name: fields.name,
    nameKey: foldKey(fields.name),
    desks: fields.desks ?? null,
    website: fields.website ?? null,
    dayPass: fields.dayPass ?? null,
    description: fields.description ?? null,
    hours: fields.hours ?? null,
    contact: fields.contact ?? null,
    accessibility: fields.accessibility ?? null,
  };
}

/** The member-facing name of each field (the slash option or modal field they typed into). */
export const FIELD_NAMES: Record<keyof ProfileInput, string> = {
  name: 'name',
  city: 'city',
  country: 'country',
  region: 'region',
  desks: 'desks',
  website: 'website',
  dayPass: 'day-pass',
  tags: 'tags',
  latitude: 'latitude',
  longitude: 'longitude',
  description: 'description',
  hours: 'hours',
  contact: 'contact',
  accessibility: 'accessibility',
};

/** zod issues → one problem per field, each message starting with the field's name. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldProblem[] {
  return issues.map((issue) => {
    const key = issue.path[0] as keyof ProfileInput;
    const field = FIELD_NAMES[key] ?? String(key);
    return issueProblem(issue, `${prefix}${field}`);
  });
}

/** Hosts manage their own spaces; organizers manage every space. */
export function canManage(actor: { userId: string; isOrganizer: boolean }, hostIds: readonly string[]): boolean {
  return actor.isOrganizer || hostIds.includes(actor.userId);
}

/**
 * Member text → an FTS5 query: each word a quoted prefix term, all required. foldKey leaves only letters, digits
 * and spaces, so nothing the member types can be FTS syntax. Null when no word is left.
 */
export function ftsQuery(text: string): string | null {
  const words = foldKey(text).split(' ').filter(Boolean).slice(0, 12);
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}
