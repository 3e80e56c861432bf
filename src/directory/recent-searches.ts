// What a /directory search or `near` found, remembered per alliance and question while the alliance's directory
// version has not moved (triggers move it on every write to its spaces or tags, from any connection): members repeat
// the same few searches ("coffee" in their city, spaces near it), and the full-text or spatial query with its count
// was most of their time. A search remembers which spaces match, in what order, and its first page's listings; `near`
// its page's listings (the spaces' own rows and tags: any write to them moves the version).
import { createRecentMap } from '../shared/recent-map.js';
import type { DirectorySearchRepo } from './directory-search.repo.js';

/** Answers remembered at most (least recently used first out): each holds up to about a hundred ids and a page of listings. */
const REMEMBERED = 256;

export function createRecentSearches(search: Pick<DirectorySearchRepo, 'version'>, remembered = REMEMBERED) {
  const found = createRecentMap<string, { version: number; answer: unknown }>(remembered);
  return {
    /**
     * What `run` answers to this question (a key naming its kind and every input) in this alliance: the remembered
     * answer while the directory is unchanged, else run's. Callers must not change what it returns.
     */
    recall<T>(guildId: string, question: string, run: () => T): T {
      const key = `${guildId}\u0000${question}`;
      // Read before running: a write that lands meanwhile leaves an older version with the answer, never a newer one.
      const version = search.version(guildId);
      const known = found.get(key);
      if (known && known.version === version) return known.answer as T;
      return found.set(key, { version, answer: run() }).answer as T;
    },
  };
}
