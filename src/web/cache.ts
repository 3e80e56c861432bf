// Rendered bodies of the listing-wide outputs (spaces.json, the map), kept per alliance under the listing's version:
// with 10,000 spaces building them costs far more than asking whether anything changed.
export function createRenderCache(maxEntries = 200) {
  const entries = new Map<string, { version: string; body: string }>();
  return {
    async get(key: string, version: string, build: () => string | Promise<string>): Promise<string> {
      const hit = entries.get(key);
      if (hit && hit.version === version) return hit.body;
      const body = await build();
      entries.delete(key);
      entries.set(key, { version, body });
      // Oldest first out: a bot serves few alliances, this only bounds a pathological case.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return body;
    },
  };
}
