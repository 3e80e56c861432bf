// Which time zones to offer for what an organizer typed: names or any part after a slash that start with it
// first, then names that contain it; within each, the zones the alliance likely means first.

/** Each zone list's names in lower case and each name's place, made once per list (autocomplete runs per keystroke). */
const indexes = new WeakMap<readonly string[], { lower: string[]; place: Map<string, number> }>();

function indexOf(zones: readonly string[]) {
  let index = indexes.get(zones);
  if (!index) {
    index = { lower: zones.map((zone) => zone.toLowerCase()), place: new Map(zones.map((zone, i) => [zone, i])) };
    indexes.set(zones, index);
  }
  return index;
}

/**
 * Up to `limit` zones for `typed` ("amer", "chicago", "new york"), ordered by the `likely` list (a zone listed twice
 * keeps its first place), then by their order in `zones`. Zones not in `zones` are never offered.
 */
export function timeZoneChoices(typed: string, zones: readonly string[], likely: readonly string[], limit = 25): string[] {
  const key = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const afterSlash = `/${key}`;
  const { lower, place } = indexOf(zones);
  const starts: number[] = [];
  const contains: number[] = [];
  const seen = new Uint8Array(zones.length);
  const consider = (i: number): void => {
    if (seen[i]) return;
    seen[i] = 1;
    const name = lower[i]!;
    if (name.startsWith(key) || name.includes(afterSlash)) starts.push(i);
    else if (contains.length < limit && name.includes(key)) contains.push(i);
  };
  for (const zone of likely) {
    const i = place.get(zone);
    if (i !== undefined) consider(i);
    if (starts.length >= limit) break;
  }
  // The rest in list order; once `limit` zones start with the text, no later one can be offered.
  for (let i = 0; i < zones.length && starts.length < limit; i++) consider(i);
  return [...starts, ...contains].slice(0, limit).map((i) => zones[i]!);
}
