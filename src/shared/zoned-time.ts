// Wall-clock time in an IANA time zone, DST-safe, with Intl only: the alliance's local time is how people
// think ("10:00 on the 1st"), instants are what we store and what Discord timestamps show.

export interface LocalDateTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface ZonedParts extends LocalDateTime {
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

let zoneList: string[] | undefined;

/** Every IANA zone this Node knows, with UTC first: the source for timezone autocomplete. */
export function listTimeZones(): string[] {
  zoneList ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return zoneList;
}

export function zonedParts(instant: Date | number, timeZone: string): ZonedParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((part) => part.type === type)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

/** Offset of the zone from UTC at an instant, in minutes (UTC+5:30 → 330). */
export function offsetMinutes(instant: Date | number, timeZone: string): number {
  const ms = new Date(instant).getTime();
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * Every instant at which the zone's clock shows `local`: none in a DST gap, two when clocks fall back.
 * Sorted, earliest first.
 */
export function instantsForLocal(local: LocalDateTime, timeZone: string): number[] {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const offsets = new Set([
    offsetMinutes(naive - 86_400_000, timeZone),
    offsetMinutes(naive, timeZone),
    offsetMinutes(naive + 86_400_000, timeZone),
  ]);
  const found = new Set<number>();
  for (const offset of offsets) {
    const candidate = naive - offset * 60_000;
    const p = zonedParts(candidate, timeZone);
    if (
      p.year === local.year &&
      p.month === local.month &&
      p.day === local.day &&
      p.hour === local.hour &&
      p.minute === local.minute
    ) {
      found.add(candidate);
    }
  }
  return [...found].sort((a, b) => a - b);
}

export type LocalResolution =
  | { kind: 'exact'; instant: number }
  | { kind: 'gap'; instant: number }
  | { kind: 'ambiguous'; instants: [number, number] };

/**
 * Turns a local wall-clock time into an instant and says when that is not clear-cut. For a gap (the clock
 * jumps over it) `instant` is the same wall time shifted past the jump, which is what schedulers want.
 */
export function resolveLocal(local: LocalDateTime, timeZone: string): LocalResolution {
  const instants = instantsForLocal(local, timeZone);
  if (instants.length === 1) return { kind: 'exact', instant: instants[0]! };
  if (instants.length >= 2) return { kind: 'ambiguous', instants: [instants[0]!, instants[1]!] };
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const before = offsetMinutes(naive - 86_400_000, timeZone);
  return { kind: 'gap', instant: naive - before * 60_000 };
}

/** The instant for a local time, picking the earlier one when clocks fall back and skipping past a gap. */
export function localToInstant(local: LocalDateTime, timeZone: string): number {
  const resolution = resolveLocal(local, timeZone);
  return resolution.kind === 'ambiguous' ? resolution.instants[0] : resolution.instant;
}

/** Calendar arithmetic on local dates (month overflow handled by Date.UTC). */
export function addLocalDays(local: LocalDateTime, days: number): LocalDateTime {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day + days, local.hour, local.minute));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: local.hour, minute: local.minute };
}

