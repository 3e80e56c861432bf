// The in-memory match index of one alliance: entries by skill, by category and by member, plus who is hidden.
// Matching 50,000 entries must take milliseconds, which SQL round trips per category cannot; the index is
// rebuilt from the database whenever the guild's version row moved under it (another process wrote).
import type { EntryRow, PrefsRow } from './skills.repo.js';
import { EMPTY_BUCKET, packBucket, type CandidateBucket } from './match.bucket.js';
import type { MatchEntry } from './match.rules.js';
import { CUSTOM_PREFIX, skillInfo } from './taxonomy.rules.js';

export interface MemberPrefs {
  hidden: boolean;
  introsClosed: boolean;
  remindersOff: boolean;
}

export const DEFAULT_PREFS: MemberPrefs = { hidden: false, introsClosed: false, remindersOff: false };

/** Equal strings shared as one object, so the hot comparisons in ranking are mostly pointer checks. */
const interned = new Map<string, string>();
function intern(text: string): string {
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size < 100_000) interned.set(text, text);
  return text;
}

export function toMatchEntry(row: EntryRow, refs: { owner: number; skillRef: number; termRef: number }): MatchEntry {
  const info = skillInfo(row.skillKey);
  return {
    id: row.id,
    userId: intern(row.userId),
    ...refs,
    kind: intern(row.kind) as MatchEntry['kind'],
    skillKey: intern(info.key),
    label: info.label,
    term: intern(row.term),
    category: info.category,
    level: row.level === null ? null : (intern(row.level) as MatchEntry['level']),
    note: row.note,
    byDate: row.byDate,
    createdAt: row.createdAt,
    renewedAt: row.renewedAt,
    expiresAt: row.expiresAt,
  };
}

/** Entries of one kind and category (or skill), packed again only when read after a change. */
class Bucket {
  readonly entries: MatchEntry[] = [];
  private packed: CandidateBucket | null = null;
  add(entry: MatchEntry): void {
    this.entries.push(entry);
    this.packed = null;
  }
  remove(id: number): boolean {
    const at = this.entries.findIndex((entry) => entry.id === id);
    if (at >= 0) {
      this.entries.splice(at, 1);
      this.packed = null;
    }
    return this.entries.length === 0;
  }
  pack(): CandidateBucket {
    this.packed ??= packBucket(this.entries);
    return this.packed;
  }
}

function addTo(map: Map<string, Bucket>, key: string, entry: MatchEntry): void {
  let bucket = map.get(key);
  if (!bucket) map.set(key, (bucket = new Bucket()));
  bucket.add(entry);
}

function removeFrom(map: Map<string, Bucket>, key: string, id: number): void {
  if (map.get(key)?.remove(id)) map.delete(key);
}

function push<K>(map: Map<K, MatchEntry[]>, key: K, entry: MatchEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

function pull<K>(map: Map<K, MatchEntry[]>, key: K, id: number): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.findIndex((entry) => entry.id === id);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

export class GuildSkillIndex {
  /** The guild's version row this index reflects; the service moves it forward after its own writes. */
  version: number;
  private readonly entries = new Map<number, MatchEntry>();
  private readonly bySkill = new Map<string, Bucket>();
  private readonly byCategory = new Map<string, Bucket>();
  private readonly refs = new Map<string, number>();
  private readonly byUser = new Map<string, MatchEntry[]>();
  private readonly prefs = new Map<string, MemberPrefs>();
  private hiddenCount = 0;
  /** Custom skill key → how many entries use it (autocomplete and typo matching offer only used ones). */
  private readonly customs = new Map<string, number>();
  /** Member → dense owner number (never reused while this index lives). */
  private readonly owners = new Map<string, number>();

  constructor(version: number, rows: readonly EntryRow[], prefs: readonly PrefsRow[]) {
    this.version = version;
    for (const row of rows) this.put(row);
    for (const row of prefs) this.setPrefs(row.userId, row);
  }

  put(row: EntryRow): MatchEntry {
    this.remove(row.id);
    let owner = this.owners.get(row.userId);
    if (owner === undefined) this.owners.set(row.userId, (owner = this.owners.size));
    const entry = toMatchEntry(row, { owner, skillRef: this.ref(`skill|${row.skillKey}`), termRef: this.ref(`term|${row.term}`) });
    this.entries.set(entry.id, entry);
    addTo(this.bySkill, `${entry.kind}|${entry.skillKey}`, entry);
    if (entry.category) addTo(this.byCategory, `${entry.kind}|${entry.category}`, entry);
    push(this.byUser, entry.userId, entry);
    if (entry.skillKey.startsWith(CUSTOM_PREFIX)) this.customs.set(entry.skillKey, (this.customs.get(entry.skillKey) ?? 0) + 1);
    return entry;
  }

  remove(id: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    removeFrom(this.bySkill, `${entry.kind}|${entry.skillKey}`, id);
    if (entry.category) removeFrom(this.byCategory, `${entry.kind}|${entry.category}`, id);
    pull(this.byUser, entry.userId, id);
    const uses = (this.customs.get(entry.skillKey) ?? 0) - 1;
    if (uses > 0) this.customs.set(entry.skillKey, uses);
    else this.customs.delete(entry.skillKey);
  }

  removeUser(userId: string): void {
    for (const entry of [...(this.byUser.get(userId) ?? [])]) this.remove(entry.id);
    if (this.prefs.get(userId)?.hidden) this.hiddenCount--;
    this.prefs.delete(userId);
  }

  setPrefs(userId: string, prefs: MemberPrefs): void {
    this.hiddenCount += (prefs.hidden ? 1 : 0) - (this.prefs.get(userId)?.hidden ? 1 : 0);
    this.prefs.set(userId, { hidden: prefs.hidden, introsClosed: prefs.introsClosed, remindersOff: prefs.remindersOff });
  }

  prefsOf(userId: string): MemberPrefs {
    return this.prefs.get(userId) ?? DEFAULT_PREFS;
  }

  /** Most alliances have no hidden member: ranking then skips thousands of lookups. */
  isHidden(userId: string): boolean {
    return this.hiddenCount > 0 && (this.prefs.get(userId)?.hidden ?? false);
  }

  entriesOf(userId: string): readonly MatchEntry[] {
    return this.byUser.get(userId) ?? [];
  }

  withSkill(kind: MatchEntry['kind'], skillKey: string): readonly MatchEntry[] {
    return this.bySkill.get(`${kind}|${skillKey}`)?.entries ?? [];
  }

  /** Entries of the opposite kind that can match `mine`: its whole category, or its own skill if it has none. */
  candidates(mine: MatchEntry): CandidateBucket {
    const other = mine.kind === 'offer' ? 'need' : 'offer';
    const bucket = mine.category ? this.byCategory.get(`${other}|${mine.category}`) : this.bySkill.get(`${other}|${mine.skillKey}`);
    return bucket?.pack() ?? EMPTY_BUCKET;
  }

  /** A number for a skill key or term, equal for equal strings within this index. */
  private ref(key: string): number {
    let value = this.refs.get(key);
    if (value === undefined) this.refs.set(key, (value = this.refs.size));
    return value;
  }

  customKeys(): IterableIterator<string> {
    return this.customs.keys();
  }

  /** One more than the largest owner number. */
  get ownerCount(): number {
    return this.owners.size;
  }

  get size(): number {
    return this.entries.size;
  }
}
