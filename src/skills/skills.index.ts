// The in-memory match index of one alliance, column by column: entries live in typed arrays by slot (members,
// skills and terms as numbers), and an entry becomes an object only when a use case reads it. Matching 50,000
// entries must take milliseconds, which SQL round trips per category cannot; one object per entry cost ~17 MB of
// heap for such an alliance. The index is rebuilt whenever the guild's version row moved under it.
import type { EntryRow, PrefsRow } from './skills.repo.js';
import { allocateBucket, EMPTY_BUCKET, LEVEL_CODES, skillRanges, type CandidateBucket, type MatchEntry } from './match.bucket.js';
import { CUSTOM_PREFIX, skillInfo } from './taxonomy.rules.js';

export interface MemberPrefs {
  hidden: boolean;
  introsClosed: boolean;
  remindersOff: boolean;
}

export const DEFAULT_PREFS: MemberPrefs = { hidden: false, introsClosed: false, remindersOff: false };

const KINDS = ['offer', 'need'] as const;
const KIND_CODES = { offer: 0, need: 1 } as const;
/** By level code (LEVEL_CODES): 0 is "no level". */
const LEVELS = [null, 'learning', 'practiced', 'expert'] as const;

/** Equal strings as one number (and back), for members, skills and terms. Numbers are never reused. */
class Numbering {
  readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();
  number(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.numbers.set(value, n);
      this.values.push(value);
    }
    return n;
  }
  find(value: string): number | undefined {
    return this.numbers.get(value);
  }
}

/** Slots of one kind and category (or skill), in insertion order, packed for ranking only when read after a change. */
class Bucket {
  readonly slots: number[] = [];
  private packed: CandidateBucket | null = null;
  add(slot: number): void {
    this.slots.push(slot);
    this.packed = null;
  }
  /** True when the bucket is empty afterwards. */
  remove(slot: number): boolean {
    const at = this.slots.indexOf(slot);
    if (at >= 0) {
      this.slots.splice(at, 1);
      this.packed = null;
    }
    return this.slots.length === 0;
  }
  pack(packSlots: (slots: readonly number[]) => CandidateBucket): CandidateBucket {
    this.packed ??= packSlots(this.slots);
    return this.packed;
  }
}

function addTo(map: Map<string, Bucket>, key: string, slot: number): void {
  let bucket = map.get(key);
  if (!bucket) map.set(key, (bucket = new Bucket()));
  bucket.add(slot);
}

function removeFrom(map: Map<string, Bucket>, key: string, slot: number): void {
  if (map.get(key)?.remove(slot)) map.delete(key);
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, size: number): T {
  const next = new (array.constructor as new (size: number) => T)(size);
  next.set(array);
  return next;
}

export class GuildSkillIndex {
  /** The guild's version row this index reflects; the service moves it forward after its own writes. */
  version: number;
  private capacity = 0;
  private used = 0;
  private readonly free: number[] = [];
  // One column per field, one slot per entry.
  private id = new Float64Array(0);
  private owner = new Int32Array(0);
  private kind = new Uint8Array(0);
  private skill = new Int32Array(0);
  private term = new Int32Array(0);
  private level = new Uint8Array(0);
  private createdAt = new Float64Array(0);
  private renewedAt = new Float64Array(0);
  /** +Infinity for entries that do not expire (offers). */
  private expiresAt = new Float64Array(0);
  /** Few entries have these: kept by slot only when present. */
  private readonly notes = new Map<number, string>();
  private readonly byDates = new Map<number, string>();
  private readonly slotOf = new Map<number, number>();
  private readonly owners = new Numbering();
  private readonly skills = new Numbering();
  private readonly terms = new Numbering();
  /** By skill number: the taxonomy's key, label and category for it. */
  private readonly skillInfos: { key: string; label: string; category: string | null }[] = [];
  /** By owner number: that member's slots, oldest first. */
  private readonly byOwner: number[][] = [];
  private readonly bySkill = new Map<string, Bucket>();
  private readonly byCategory = new Map<string, Bucket>();
  private readonly prefs = new Map<string, MemberPrefs>();
  private hiddenCount = 0;
  /** Custom skill key → how many entries use it (autocomplete and typo matching offer only used ones). */
  private readonly customs = new Map<string, number>();

  constructor(version: number, rows: Iterable<EntryRow>, prefs: Iterable<PrefsRow>) {
    this.version = version;
    for (const row of rows) this.put(row);
    for (const row of prefs) this.setPrefs(row.userId, row);
  }

  put(row: EntryRow): MatchEntry {
    this.remove(row.id);
    const slot = this.free.pop() ?? this.used++;
    if (slot >= this.capacity) this.reserve(Math.max(1024, this.capacity * 2));
    const owner = this.owners.number(row.userId);
    const skill = this.skills.number(row.skillKey);
    if (skill === this.skillInfos.length) {
      const info = skillInfo(row.skillKey);
      this.skillInfos.push({ key: info.key, label: info.label, category: info.category });
    }
    const { key, category } = this.skillInfos[skill]!;
    this.id[slot] = row.id;
    this.owner[slot] = owner;
    this.kind[slot] = KIND_CODES[row.kind];
    this.skill[slot] = skill;
    this.term[slot] = this.terms.number(row.term);
    this.level[slot] = LEVEL_CODES[row.level ?? 'none'];
    this.createdAt[slot] = row.createdAt;
    this.renewedAt[slot] = row.renewedAt;
    this.expiresAt[slot] = row.expiresAt ?? Number.POSITIVE_INFINITY;
    if (row.note !== null) this.notes.set(slot, row.note);
    if (row.byDate !== null) this.byDates.set(slot, row.byDate);
    this.slotOf.set(row.id, slot);
    (this.byOwner[owner] ??= []).push(slot);
    addTo(this.bySkill, `${row.kind}|${key}`, slot);
    if (category) addTo(this.byCategory, `${row.kind}|${category}`, slot);
    if (key.startsWith(CUSTOM_PREFIX)) this.customs.set(key, (this.customs.get(key) ?? 0) + 1);
    return this.entryAt(slot);
  }

  remove(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const { key, category } = this.skillInfos[this.skill[slot]!]!;
    const kind = KINDS[this.kind[slot]!]!;
    this.slotOf.delete(id);
    this.notes.delete(slot);
    this.byDates.delete(slot);
    removeFrom(this.bySkill, `${kind}|${key}`, slot);
    if (category) removeFrom(this.byCategory, `${kind}|${category}`, slot);
    const mine = this.byOwner[this.owner[slot]!]!;
    mine.splice(mine.indexOf(slot), 1);
    const uses = (this.customs.get(key) ?? 0) - 1;
    if (uses > 0) this.customs.set(key, uses);
    else this.customs.delete(key);
    this.free.push(slot);
  }

  removeUser(userId: string): void {
    for (const entry of this.entriesOf(userId)) this.remove(entry.id);
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
  get hasHidden(): boolean {
    return this.hiddenCount > 0;
  }

  /** Hidden from matching (and from /skills who). */
  isHidden(userId: string): boolean {
    return this.hiddenCount > 0 && (this.prefs.get(userId)?.hidden ?? false);
  }

  /** A member's entries, oldest slot first, as new objects (callers may keep them). */
  entriesOf(userId: string): MatchEntry[] {
    const owner = this.owners.find(userId);
    return owner === undefined ? [] : (this.byOwner[owner] ?? []).map((slot) => this.entryAt(slot));
  }

  withSkill(kind: MatchEntry['kind'], skillKey: string): MatchEntry[] {
    return (this.bySkill.get(`${kind}|${skillKey}`)?.slots ?? []).map((slot) => this.entryAt(slot));
  }

  /** Entries of the opposite kind that can match `mine`: its whole category, or its own skill if it has none. */
  candidates(mine: MatchEntry): CandidateBucket {
    const other = mine.kind === 'offer' ? 'need' : 'offer';
    const bucket = mine.category ? this.byCategory.get(`${other}|${mine.category}`) : this.bySkill.get(`${other}|${mine.skillKey}`);
    return bucket?.pack((slots) => this.packSlots(slots)) ?? EMPTY_BUCKET;
  }

  customKeys(): IterableIterator<string> {
    return this.customs.keys();
  }

  /** One more than the largest owner number. */
  get ownerCount(): number {
    return this.owners.values.length;
  }

  get size(): number {
    return this.slotOf.size;
  }

  private entryAt(slot: number): MatchEntry {
    const skill = this.skill[slot]!;
    const info = this.skillInfos[skill]!;
    const owner = this.owner[slot]!;
    const term = this.term[slot]!;
    const expiresAt = this.expiresAt[slot]!;
    return {
      id: this.id[slot]!,
      userId: this.owners.values[owner]!,
      owner,
      skillRef: skill,
      termRef: term,
      kind: KINDS[this.kind[slot]!]!,
      skillKey: info.key,
      label: info.label,
      term: this.terms.values[term]!,
      category: info.category,
      level: LEVELS[this.level[slot]!]!,
      note: this.notes.get(slot) ?? null,
      byDate: this.byDates.get(slot) ?? null,
      createdAt: this.createdAt[slot]!,
      renewedAt: this.renewedAt[slot]!,
      expiresAt: expiresAt === Number.POSITIVE_INFINITY ? null : expiresAt,
    };
  }

  /**
   * Grouped by skill (each in order of insertion), with where each skill lies: a match reads its own skills' slices
   * first. Grouped by counting, not sorted: a bucket is packed again on the first read after each write to it.
   */
  private packSlots(slots: readonly number[]): CandidateBucket {
    const size = slots.length;
    // Each skill's first place: counted, then summed in order of first appearance.
    const next = new Map<number, number>();
    for (let i = 0; i < size; i++) next.set(this.skill[slots[i]!]!, (next.get(this.skill[slots[i]!]!) ?? 0) + 1);
    let start = 0;
    for (const [skill, count] of next) {
      next.set(skill, start);
      start += count;
    }
    const bucket = allocateBucket(size, this.owners.values);
    for (let j = 0; j < size; j++) {
      const slot = slots[j]!;
      const i = next.get(this.skill[slot]!)!;
      next.set(this.skill[slot]!, i + 1);
      bucket.owner[i] = this.owner[slot]!;
      bucket.skill[i] = this.skill[slot]!;
      bucket.term[i] = this.term[slot]!;
      bucket.level[i] = this.level[slot]!;
      bucket.renewedAt[i] = this.renewedAt[slot]!;
      bucket.expiresAt[i] = this.expiresAt[slot]!;
    }
    bucket.skills = skillRanges(bucket.skill, size);
    return bucket;
  }

  private reserve(capacity: number): void {
    this.id = grown(this.id, capacity);
    this.owner = grown(this.owner, capacity);
    this.kind = grown(this.kind, capacity);
    this.skill = grown(this.skill, capacity);
    this.term = grown(this.term, capacity);
    this.level = grown(this.level, capacity);
    this.createdAt = grown(this.createdAt, capacity);
    this.renewedAt = grown(this.renewedAt, capacity);
    this.expiresAt = grown(this.expiresAt, capacity);
    this.capacity = capacity;
  }
}
