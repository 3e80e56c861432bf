// Pure rules that turn what a member typed into a skill: normalization (case, accents, spacing), synonyms,
// bounded Damerau-Levenshtein typo tolerance, free text kept as a new skill, and autocomplete ranking. The names
// and synonyms of all three languages share one index: what is stored is the skill's id, never a language.
import type { Language } from '../shared/languages.js';
import { CATEGORIES, SKILLS, type TaxonomySkill } from './taxonomy.data.js';
import { skillWords } from './taxonomy.i18n.js';

export const CUSTOM_PREFIX = 'custom:';

/** Lowercase, accents removed (NFD then marks dropped), punctuation as spaces, single spaces, trimmed. */
export function normalizeSkillText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

// Three rolling rows reused across calls: autocomplete runs this against every term on each keystroke.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(128), new Int32Array(128), new Int32Array(128)];

/**
 * Optimal-string-alignment Damerau-Levenshtein distance, or `max + 1` as soon as it must exceed `max`
 * (row minimum above the bound): typo checks against hundreds of terms stay cheap.
 */
export function boundedDamerauLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prevPrev, prev, row] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, prevPrev[j - 2]! + 1);
      row[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return Math.min(prev[n]!, max + 1);
}

/** How many typos a term of this length tolerates: none for short words, where one edit makes another word. */
export function typoBudget(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  return 2;
}

export interface Term {
  /** Normalized text of the name or synonym. */
  text: string;
  skillKey: string;
  isName: boolean;
  /** The words as the taxonomy writes them ("comptabilité"), shown when a match explains itself. */
  raw?: string;
  /** The language the words are in (a member's own skill has none). */
  language?: Language;
}

export interface SkillInfo {
  key: string;
  label: string;
  /** Category id; null for skills the taxonomy does not know. */
  category: string | null;
  custom: boolean;
}

export interface TermIndex {
  byText: Map<string, Term>;
  terms: Term[];
  skills: Map<string, SkillInfo>;
}

function taxonomyInfo(skill: TaxonomySkill): SkillInfo {
  return { key: skill.id, label: skill.label, category: skill.category, custom: false };
}

/**
 * The taxonomy's terms in English, then Spanish, then French; the first skill to claim a term keeps it (a table
 * test keeps terms unique). A skill's label in each language counts as a name ("Contabilidad" ranks first for "contab").
 */
export function buildTermIndex(skills: readonly TaxonomySkill[] = SKILLS): TermIndex {
  const byText = new Map<string, Term>();
  const infos = new Map<string, SkillInfo>();
  const claim = (skillKey: string, words: readonly string[], language: Language) => {
    for (const [i, raw] of words.entries()) {
      const text = normalizeSkillText(raw);
      if (text && !byText.has(text)) byText.set(text, { text, skillKey, isName: i === 0, raw, language });
    }
  };
  for (const skill of skills) {
    infos.set(skill.id, taxonomyInfo(skill));
    claim(skill.id, [skill.label, ...skill.synonyms], 'en');
  }
  for (const language of ['es', 'fr'] as const) for (const skill of skills) claim(skill.id, skillWords(skill.id, language), language);
  return { byText, terms: [...byText.values()], skills: infos };
}

let defaultIndex: TermIndex | undefined;
export function taxonomyIndex(): TermIndex {
  defaultIndex ??= buildTermIndex();
  return defaultIndex;
}

export function categoryLabel(categoryId: string | null): string | null {
  return CATEGORIES.find((category) => category.id === categoryId)?.label ?? null;
}

/** Sentence case for a new skill's display: "beekeeping" → "Beekeeping". */
export function customLabel(normalized: string): string {
  return normalized.charAt(0).toUpperCase() + normalized.slice(1);
}

export function customSkillKey(normalized: string): string {
  return `${CUSTOM_PREFIX}${normalized}`;
}

/** A skill's name in one language: the taxonomy's translation, or a member's own skill as they wrote it. */
export function skillLabel(key: string, language: Language, index: TermIndex = taxonomyIndex()): string {
  const english = skillInfo(key, index).label;
  if (language === 'en' || !index.skills.has(key)) return english;
  return skillWords(key, language)[0] ?? english;
}

/** A skill's names in every language the bot speaks (one name for a member's own skill). */
export function skillNames(key: string, index: TermIndex = taxonomyIndex()): string[] {
  const english = skillInfo(key, index).label;
  if (!index.skills.has(key)) return [english];
  return [english, ...(['es', 'fr'] as const).map((language) => skillLabel(key, language, index))];
}

let byEnglishLabel: Map<string, string> | undefined;
/**
 * A skill name stored in English (introductions keep the names they linked) in another language; a member's own
 * skill, which has no translation, stays as written.
 */
export function translateSkillLabel(englishLabel: string, language: Language): string {
  byEnglishLabel ??= new Map(SKILLS.map((skill) => [skill.label, skill.id]));
  const key = byEnglishLabel.get(englishLabel);
  return key ? skillLabel(key, language) : englishLabel;
}

/** How the taxonomy writes a normalized term, accents kept ("comptabilite" → "comptabilité"); the term itself when unknown. */
export function termDisplay(term: string, index: TermIndex = taxonomyIndex()): string {
  return index.byText.get(term)?.raw?.toLocaleLowerCase() ?? term;
}

export function skillInfo(key: string, index: TermIndex = taxonomyIndex()): SkillInfo {
  const known = index.skills.get(key);
  if (known) return known;
  const text = key.startsWith(CUSTOM_PREFIX) ? key.slice(CUSTOM_PREFIX.length) : key;
  return { key, label: customLabel(text), category: null, custom: true };
}

export type Resolution =
  | { kind: 'taxonomy'; skill: SkillInfo; term: string; via: 'name' | 'synonym' | 'typo'; typed: string }
  | { kind: 'known-custom'; skill: SkillInfo; term: string; via: 'name' | 'typo'; typed: string }
  | { kind: 'new'; skill: SkillInfo; term: string; typed: string };

/**
 * Resolves typed text: an exact name or synonym, else the closest term within the typo budget (taxonomy
 * first, then this alliance's own skills), else a new skill. Null when nothing is left after normalizing.
 */
export function resolveSkill(
  typed: string,
  customKeys: Iterable<string> = [],
  index: TermIndex = taxonomyIndex(),
): Resolution | null {
  const customs = new Set(customKeys);
  // Autocomplete answers with the key itself: a taxonomy id or `custom:<text>`.
  const direct = index.skills.get(typed);
  if (direct) return { kind: 'taxonomy', skill: direct, term: normalizeSkillText(direct.label), via: 'name', typed };
  const fromCustomKey = typed.startsWith(CUSTOM_PREFIX);
  const text = normalizeSkillText(fromCustomKey ? typed.slice(CUSTOM_PREFIX.length) : typed);
  if (!text) return null;
  const asCustom = customSkillKey(text);
  if (customs.has(asCustom)) return { kind: 'known-custom', skill: skillInfo(asCustom, index), term: text, via: 'name', typed };
  if (fromCustomKey) return { kind: 'new', skill: skillInfo(asCustom, index), term: text, typed };
  const exact = index.byText.get(text);
  if (exact) {
    return { kind: 'taxonomy', skill: index.skills.get(exact.skillKey)!, term: exact.text, via: exact.isName ? 'name' : 'synonym', typed };
  }
  const budget = typoBudget(text.length);
  if (budget > 0) {
    let best: Term | null = null;
    let bestDistance = budget + 1;
    for (const term of index.terms) {
      const distance = boundedDamerauLevenshtein(text, term.text, budget);
      if (distance > budget) continue;
      if (!best || distance < bestDistance || (distance === bestDistance && term.isName && !best.isName)) {
        best = term;
        bestDistance = distance;
      }
    }
    if (best) return { kind: 'taxonomy', skill: index.skills.get(best.skillKey)!, term: best.text, via: 'typo', typed };
    let bestCustom: string | null = null;
    for (const key of customs) {
      const distance = boundedDamerauLevenshtein(text, key.slice(CUSTOM_PREFIX.length), budget);
      if (distance < bestDistance) {
        bestCustom = key;
        bestDistance = distance;
      }
    }
    if (bestCustom) {
      return { kind: 'known-custom', skill: skillInfo(bestCustom, index), term: bestCustom.slice(CUSTOM_PREFIX.length), via: 'typo', typed };
    }
  }
  return { kind: 'new', skill: skillInfo(asCustom, index), term: text, typed };
}

export interface SkillSuggestion {
  key: string;
  label: string;
  /** The synonym that matched, when it was not the name: shown as "Web development (web dev)". */
  matched: string | null;
}

/**
 * Autocomplete: names and synonyms that start with the query, then contain it at a word start, then contain
 * it, then are within the typo budget of it; at most `limit`, one line per skill. At each step names in the
 * reader's language come first, then names in the others, then synonyms.
 */
export function suggestSkills(
  query: string,
  customKeys: Iterable<string> = [],
  limit = 25,
  index: TermIndex = taxonomyIndex(),
  language: Language = 'en',
): SkillSuggestion[] {
  const text = normalizeSkillText(query);
  const candidates: { term: Term; rank: number }[] = [];
  const customTerms: Term[] = [...customKeys].map((key) => ({ text: key.slice(CUSTOM_PREFIX.length), skillKey: key, isName: true }));
  const all = [...index.terms, ...customTerms];
  if (!text) {
    return all
      .filter((term) => term.isName)
      .slice(0, limit)
      .map((term) => ({ key: term.skillKey, label: skillInfo(term.skillKey, index).label, matched: null }));
  }
  const budget = typoBudget(text.length);
  for (const term of all) {
    let rank: number;
    if (term.text.startsWith(text)) rank = 0;
    else if (term.text.includes(` ${text}`)) rank = 1;
    else if (term.text.includes(text)) rank = 2;
    else if (budget > 0 && boundedDamerauLevenshtein(text, term.text.slice(0, text.length + budget), budget) <= budget) rank = 3;
    else continue;
    const kind = !term.isName ? 2 : !term.language || term.language === language ? 0 : 1;
    candidates.push({ term, rank: rank * 3 + kind });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.term.text.length - b.term.text.length || a.term.text.localeCompare(b.term.text));
  const seen = new Set<string>();
  const out: SkillSuggestion[] = [];
  for (const { term } of candidates) {
    if (seen.has(term.skillKey)) continue;
    seen.add(term.skillKey);
    // A name in another language is shown like a synonym: "Comptabilité (contabilidad)".
    const ownName = term.isName && (term.language ?? language) === language;
    out.push({ key: term.skillKey, label: skillInfo(term.skillKey, index).label, matched: ownName ? null : term.text });
    if (out.length >= limit) break;
  }
  return out;
}
