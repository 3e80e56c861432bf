// Which time zones to offer for what an organizer typed: names or any part after a slash that start with it
// first, then names that contain it; within each, the zones the alliance likely means first.

/** Up to `limit` zones for `typed` ("amer", "chicago", "new york"), ordered by the `likely` list. */
export function timeZoneChoices(typed: string, zones: readonly string[], likely: readonly string[], limit = 25): string[] {
  const key = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const rank = new Map(likely.map((zone, index) => [zone, index]));
  const group = (zone: string): number => {
    const lower = zone.toLowerCase();
    if (lower.startsWith(key) || lower.includes(`/${key}`)) return 0;
    return lower.includes(key) ? 1 : 2;
  };
  return zones
    .map((zone, index) => ({ zone, index, group: group(zone), rank: rank.get(zone) ?? Number.MAX_SAFE_INTEGER }))
    .filter((entry) => entry.group < 2)
    .sort((a, b) => a.group - b.group || a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.zone);
}
