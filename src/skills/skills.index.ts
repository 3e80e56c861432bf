// The in-memory match index of one alliance: entries by skill, by category and by member, plus who is hidden.
// Matching 50,000 entries must take milliseconds, which SQL round trips per category cannot; the index is
// rebuilt from the database whenever the guild's version row moved under it (another process wrote).
import type { EntryRow, PrefsRow } from './skills.repo.js';
import type { MatchEntry } from './match.rules.js';
import { CUSTOM_PREFIX, skillInfo } from './taxonomy.rules.js';

export interface MemberPrefs {
  hidden: boolean;
  introsClosed: boolean;
  remindersOff: boolean;
}

export const DEFAULT_PREFS: MemberPrefs = { hidden: false, introsClosed: false, remindersOff: false };

export function toMatchEntry(row: EntryRow): MatchEntry {
  const info = skillInfo(row.skillKey);
  return {
    id: row.id,
    userId: row.userId,
    kind: row.kind,
    skillKey: row.skillKey,
    label: info.label,
    term: row.term,
    category: info.category,
    level: row.level,
    note: row.note,
    byDate: row.byDate,
    createdAt: row.createdAt,
    renewedAt: row.renewedAt,
    expiresAt: row.expiresAt,
  };
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
  private readonly bySkill = new Map<string, MatchEntry[]>();
  private readonly byCategory = new Map<string, MatchEntry[]>();
  private readonly byUser = new Map<string, MatchEntry[]>();
  private readonly prefs = new Map<string, MemberPrefs>();
  /** Custom skill key → how many entries use it (autocomplete and typo matching offer only used ones). */
  private readonly customs = new Map<string, number>();

  constructor(version: number, rows: readonly EntryRow[], prefs: readonly PrefsRow[]) {
    this.version = version;
    for (const row of rows) this.put(row);
    for (const row of prefs) this.setPrefs(row.userId, row);
  }

  put(row: EntryRow): MatchEntry {
    this.remove(row.id);
    const entry = toMatchEntry(row);
    this.entries.set(entry.id, entry);
    push(this.bySkill, `${entry.kind}|${entry.skillKey}`, entry);
    if (entry.category) push(this.byCategory, `${entry.kind}|${entry.category}`, entry);
    push(this.byUser, entry.userId, entry);
    if (entry.skillKey.startsWith(CUSTOM_PREFIX)) this.customs.set(entry.skillKey, (this.customs.get(entry.skillKey) ?? 0) + 1);
    return entry;
  }

  remove(id: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    pull(this.bySkill, `${entry.kind}|${entry.skillKey}`, id);
    if (entry.category) pull(this.byCategory, `${entry.kind}|${entry.category}`, id);
    pull(this.byUser, entry.userId, id);
    const uses = (this.customs.get(entry.skillKey) ?? 0) - 1;
    if (uses > 0) this.customs.set(entry.skillKey, uses);
    else this.customs.delete(entry.skillKey);
  }

  removeUser(userId: string): void {
    for (const entry of [...(this.byUser.get(userId) ?? [])]) this.remove(entry.id);
    this.prefs.delete(userId);
  }

  setPrefs(userId: string, prefs: MemberPrefs): void {
    this.prefs.set(userId, { hidden: prefs.hidden, introsClosed: prefs.introsClosed, remindersOff: prefs.remindersOff });
  }

  prefsOf(userId: string): MemberPrefs {
    return this.prefs.get(userId) ?? DEFAULT_PREFS;
  }

  isHidden(userId: string): boolean {
    return this.prefs.get(userId)?.hidden ?? false;
  }

  entriesOf(userId: string): readonly MatchEntry[] {
    return this.byUser.get(userId) ?? [];
  }

  withSkill(kind: MatchEntry['kind'], skillKey: string): readonly MatchEntry[] {
    return this.bySkill.get(`${kind}|${skillKey}`) ?? [];
  }

  /** Entries of the opposite kind that can match `mine`: its whole category, or its own skill if it has none. */
  candidates(mine: MatchEntry): readonly MatchEntry[] {
    const other = mine.kind === 'offer' ? 'need' : 'offer';
    return mine.category ? (this.byCategory.get(`${other}|${mine.category}`) ?? []) : this.withSkill(other, mine.skillKey);
  }

  customKeys(): IterableIterator<string> {
    return this.customs.keys();
  }

  get size(): number {
    return this.entries.size;
  }
}
