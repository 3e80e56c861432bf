// Skill-share use cases for offers and needs: add (normalized against the taxonomy), renew, remove, list,
// match, who offers a skill, autocomplete, privacy, and the data scheduled jobs need. Intros and thanks live
// in intros.service.ts; both are returned as one service.
import { z } from 'zod';
import { SKILL_LEVELS, type SkillEntryKind } from '../db/schema/skills.js';
import type { Actor } from '../shared/actor.js';
import type { Language } from '../shared/languages.js';
import { DAY } from '../shared/clock.js';
import { conflict, invalid, msg, notFound } from '../shared/errors.js';
import { createIntroUseCases } from './intros.service.js';
import { jobUseCases } from './skills.jobs.js';
import { localityTier, rankPeople, WEIGHTS, withReasons, type Locality, type LocalityTier, type MatchEntry, type PersonMatch, type RankedPerson } from './match.rules.js';
import { createSkillsContext, needJobPrefix, noteField, parseInput, SKILL_JOBS, skillField, type SkillsContext, type SkillsServiceDeps } from './skills.context.js';
import type { MemberPrefs } from './skills.index.js';
import type { EntryRow } from './skills.repo.js';
import { byDateProblem, LIMITS, needExpiresAt, needReminderAt, suggestionDigestWindow } from './skills.rules.js';
import { parseLocalDate } from '../shared/when.rules.js';
import { normalizeSkillText, resolveSkill, skillNames, suggestSkills, type Resolution, type SkillInfo, type SkillSuggestion } from './taxonomy.rules.js';

/** Days within which the same two members are not told again about the same skill. */
export const NOTICE_QUIET_DAYS = 30;

const offerSchema = z.object({
  skill: skillField,
  level: z.enum(SKILL_LEVELS).nullish(),
  note: noteField,
});
const needSchema = z.object({ skill: skillField, note: noteField, by: z.string().trim().max(40).nullish() });

export type OfferInput = z.input<typeof offerSchema>;
export type NeedInput = z.input<typeof needSchema>;

export interface AddResult {
  entry: MatchEntry;
  /** False when the member already had this skill of this kind: it was updated (and a need renewed). */
  created: boolean;
  via: 'name' | 'synonym' | 'typo' | 'new';
  /** True when the skill is new to the alliance and was suggested to organizers. */
  suggested: boolean;
  /** Visible members with a matching entry on the same skill right now. */
  matching: number;
  /** Owners of older matching entries who will be told (once per pair). */
  notified: number;
}

export interface Privacy {
  matching: 'visible' | 'hidden';
  intros: 'open' | 'closed';
  reminders: 'on' | 'off';
}

const privacySchema = z.object({
  matching: z.enum(['visible', 'hidden']).nullish(),
  intros: z.enum(['open', 'closed']).nullish(),
  reminders: z.enum(['on', 'off']).nullish(),
});

export interface WhoOffers {
  userId: string;
  entry: MatchEntry;
  place: Locality | null;
  locality: LocalityTier;
}

/** A ranked person; the reasons are its pairs (`theyOffer`, `theyNeed`), worded by the Discord layer. */
export interface MatchView extends PersonMatch {
  introsOpen: boolean;
}

function toPrivacy(prefs: MemberPrefs): Privacy {
  return { matching: prefs.hidden ? 'hidden' : 'visible', intros: prefs.introsClosed ? 'closed' : 'open', reminders: prefs.remindersOff ? 'off' : 'on' };
}

function entryUseCases(ctx: SkillsContext) {
  const { repo, jobs } = ctx;

  function resolveOrThrow(guildId: string, skill: string): Resolution {
    const resolution = resolveSkill(skill, ctx.index(guildId).customKeys());
    if (!resolution) throw invalid('skill', msg('skills.skill.noLetters'));
    return resolution;
  }

  function scheduleNeedJobs(guildId: string, row: EntryRow): void {
    jobs.cancelByPrefix(guildId, needJobPrefix(row.id));
    if (row.kind !== 'need' || row.expiresAt === null) return;
    const prefix = `${needJobPrefix(row.id)}${row.expiresAt}:`;
    const remindAt = needReminderAt(row.expiresAt, ctx.timezone(guildId));
    const payload = { entryId: row.id, expiresAt: row.expiresAt };
    jobs.schedule({ guildId, key: `${prefix}remind`, kind: SKILL_JOBS.needReminder, dueAt: remindAt, expiresAt: remindAt + 2 * DAY, payload });
    jobs.schedule({ guildId, key: `${prefix}expire`, kind: SKILL_JOBS.needExpiry, dueAt: row.expiresAt, payload });
  }

  /** Older entries (smaller id) on the same skill whose owners hear about this one, once per pair. */
  function recordNotices(guildId: string, row: EntryRow, now: number): number {
    const index = ctx.index(guildId);
    if (index.isHidden(row.userId)) return 0;
    const other = row.kind === 'offer' ? 'need' : 'offer';
    const older = index
      .withSkill(other, row.skillKey)
      .filter((entry) => entry.id < row.id && entry.userId !== row.userId && !index.isHidden(entry.userId))
      .filter((entry) => entry.expiresAt === null || entry.expiresAt > now)
      .sort((a, b) => b.renewedAt - a.renewedAt)
      .slice(0, LIMITS.noticesPerEntry);
    let told = 0;
    for (const entry of older) {
      // Removing and re-adding an entry makes a new pair of entries, but not news: the same two members hear about
      // the same skill at most once in 30 days.
      if (repo.toldAbout(guildId, row.skillKey, entry.userId, row.userId, now - NOTICE_QUIET_DAYS * DAY)) continue;
      const notice = repo.insertNotice({
        guildId,
        olderEntryId: entry.id,
        newerEntryId: row.id,
        olderUserId: entry.userId,
        newerUserId: row.userId,
        skillKey: row.skillKey,
        createdAt: now,
      });
      if (!notice) continue;
      jobs.schedule({ guildId, key: `skills:notice:${notice.id}`, kind: SKILL_JOBS.matchNotice, dueAt: now, expiresAt: now + 2 * DAY, payload: { noticeId: notice.id } });
      told++;
    }
    return told;
  }

  function add(actor: Actor, kind: SkillEntryKind, input: { skill: string; level: MatchEntry['level']; note: string | null; by: string | null; language?: Language }): AddResult {
    const { guildId, userId } = actor;
    const now = ctx.now();
    let by: string | null = null;
    if (input.by) {
      // The one date reader: "next friday", "in 3 weeks", "2026-12-10", in the alliance's zone and the member's
      // language first (then English); refusals come back as keys with days in that language.
      const day = parseLocalDate(input.by, now, ctx.timezone(guildId), 'by', { language: input.language });
      if (day.kind === 'refused') throw invalid('by', day.text);
      const problem = byDateProblem(day.date, now, ctx.timezone(guildId), input.language);
      if (problem) throw invalid('by', problem);
      by = day.date;
    }
    const resolution = resolveOrThrow(guildId, input.skill);
    const skillKey = resolution.skill.key;
    const existing = repo.ownEntry(guildId, userId, kind, skillKey);
    if (!existing && repo.entriesOf(guildId, userId).length >= LIMITS.entriesPerMember) {
      throw conflict(msg('skills.entries.full', { count: LIMITS.entriesPerMember }));
    }
    const fields = {
      term: resolution.term,
      level: kind === 'offer' ? (input.level ?? existing?.level ?? null) : null,
      note: input.note ?? existing?.note ?? null,
      byDate: kind === 'need' ? (by ?? existing?.byDate ?? null) : null,
      renewedAt: now,
      expiresAt: kind === 'need' ? needExpiresAt(now) : null,
    };
    const outcome = ctx.write(
      guildId,
      () => {
        const row = existing
          ? repo.updateEntry(guildId, existing.id, fields)!
          : repo.insertEntry({ guildId, userId, kind, skillKey, createdAt: now, ...fields });
        let suggested = false;
        if (resolution.kind === 'new') {
          suggested = repo.insertSuggestion({ guildId, skillKey, label: resolution.skill.label, firstUserId: userId, createdAt: now });
          if (suggested) {
            // Organizers hear about new skills once a day, all together; the key makes it one job per digest.
            const window = suggestionDigestWindow(now, ctx.timezone(guildId));
            const key = `skills:suggest-digest:${guildId}:${window.to}`;
            jobs.schedule({ guildId, key, kind: SKILL_JOBS.suggestionDigest, dueAt: window.to, expiresAt: window.to + 2 * DAY, payload: window });
          }
        }
        scheduleNeedJobs(guildId, row);
        return { row, suggested, notified: recordNotices(guildId, row, now) };
      },
      (index, result) => {
        index.put(result.row);
      },
    );
    const index = ctx.index(guildId);
    const other = kind === 'offer' ? 'need' : 'offer';
    const matching = new Set(
      index
        .withSkill(other, skillKey)
        .filter((entry) => entry.userId !== userId && !index.isHidden(entry.userId) && (entry.expiresAt === null || entry.expiresAt > now))
        .map((entry) => entry.userId),
    ).size;
    return {
      entry: index.entriesOf(userId).find((entry) => entry.id === outcome.row.id)!,
      created: !existing,
      via: resolution.kind === 'new' ? 'new' : resolution.via,
      suggested: outcome.suggested,
      matching,
      notified: outcome.notified,
    };
  }

  function mine(actor: Actor): MatchEntry[] {
    return [...ctx.index(actor.guildId).entriesOf(actor.userId)].sort((a, b) => a.kind.localeCompare(b.kind) || a.createdAt - b.createdAt);
  }

  /** How many people a match ranks; an answer shows the first of them and says how many there are. */
  const MATCHES_RANKED = 25;

  /** The caller's people, ranked (scores and places only), and how one becomes a match with its reasons. */
  function ranking(actor: Actor, limit: number): { people: RankedPerson[]; view: (person: RankedPerson) => MatchView } {
    const index = ctx.index(actor.guildId);
    const locality = ctx.locality(actor.guildId);
    const input = {
      me: actor.userId,
      myEntries: index.entriesOf(actor.userId),
      candidates: (mine: MatchEntry) => index.candidates(mine),
      entriesOf: (userId: string) => index.entriesOf(userId),
      owners: index.ownerCount,
      excluded: index.hasHidden ? (userId: string) => index.isHidden(userId) : undefined,
      locality,
      prefetchLocality: locality?.prefetch,
      now: ctx.now(),
      limit,
    };
    // Field by field: a spread of each person cost more than the rest of this function.
    const view = (person: RankedPerson): MatchView => {
      const { userId, theyOffer, theyNeed, mutual, locality: tier, place, score } = withReasons(input, person);
      return { userId, theyOffer, theyNeed, mutual, locality: tier, place, score, introsOpen: !index.prefsOf(userId).introsClosed };
    };
    return { people: rankPeople(input), view };
  }

  function ownEntry(actor: Actor, entryId: number): EntryRow {
    const row = repo.entry(actor.guildId, entryId);
    if (!row || row.userId !== actor.userId) throw notFound(msg('skills.entries.notYours'));
    return row;
  }

  return {
    offer(actor: Actor, input: OfferInput): AddResult {
      const data = parseInput(offerSchema, input);
      return add(actor, 'offer', { skill: data.skill, level: data.level ?? null, note: data.note, by: null });
    },

    /** `language`: the member's, in which `by` is read first and refused. */
    need(actor: Actor, input: NeedInput, language?: Language): AddResult {
      const data = parseInput(needSchema, input);
      return add(actor, 'need', { skill: data.skill, level: null, note: data.note, by: data.by ?? null, language });
    },

    mine,

    remove(actor: Actor, entryId: number): MatchEntry {
      const row = ownEntry(actor, entryId);
      const entry = ctx.index(actor.guildId).entriesOf(actor.userId).find((candidate) => candidate.id === row.id)!;
      ctx.write(
        actor.guildId,
        () => {
          repo.deleteEntry(actor.guildId, row.id);
          jobs.cancelByPrefix(actor.guildId, needJobPrefix(row.id));
        },
        (index) => index.remove(row.id),
      );
      return entry;
    },

    /** Keeps a need for another 90 days (the reminder's "Renew" button). */
    renew(actor: Actor, entryId: number): MatchEntry {
      const row = ownEntry(actor, entryId);
      if (row.kind !== 'need') throw invalid('entry', msg('skills.entries.onlyNeedsRenew'));
      const now = ctx.now();
      const updated = ctx.write(
        actor.guildId,
        () => {
          const next = repo.updateEntry(actor.guildId, row.id, { renewedAt: now, expiresAt: needExpiresAt(now) })!;
          scheduleNeedJobs(actor.guildId, next);
          return next;
        },
        (index, next) => index.put(next),
      );
      return ctx.index(actor.guildId).entriesOf(actor.userId).find((entry) => entry.id === updated.id)!;
    },

    /** People who offer what the caller needs and need what they offer, ranked, each with its reasons. */
    match(actor: Actor, options: { limit?: number } = {}): MatchView[] {
      const { people, view } = ranking(actor, options.limit ?? MATCHES_RANKED);
      return people.map(view);
    },

    /** The first `shown` of `match`'s people and how many it ranks: reasons are worked out only for those shown. */
    matchesShown(actor: Actor, shown: number): { matches: MatchView[]; count: number } {
      const { people, view } = ranking(actor, MATCHES_RANKED);
      return { matches: people.slice(0, shown).map(view), count: people.length };
    },

    /** Who offers a skill (visible members only), nearest and most experienced first. */
    who(actor: Actor, input: { skill: string }): { skill: SkillInfo; offers: WhoOffers[] } {
      const { skill } = parseInput(z.object({ skill: skillField }), input);
      const resolution = resolveOrThrow(actor.guildId, skill);
      const index = ctx.index(actor.guildId);
      const locate = ctx.locality(actor.guildId);
      const mine = locate?.(actor.userId) ?? null;
      const visible = index.withSkill('offer', resolution.skill.key).filter((entry) => !index.isHidden(entry.userId));
      locate?.prefetch(visible.map((entry) => entry.userId));
      const offers = visible
        .map((entry) => {
          const place = locate?.(entry.userId) ?? null;
          const tier = localityTier(mine, place);
          return { userId: entry.userId, entry, place, locality: tier, rank: WEIGHTS.locality[tier] + WEIGHTS.level[entry.level ?? 'none'] };
        })
        .sort((a, b) => b.rank - a.rank || b.entry.renewedAt - a.entry.renewedAt || a.entry.id - b.entry.id)
        .slice(0, 50)
        .map(({ rank: _rank, ...offer }) => offer);
      return { skill: resolution.skill, offers };
    },

    /** Skill autocomplete: taxonomy names and synonyms plus this alliance's own skills, the reader's language first. */
    suggest(guildId: string, query: string, language: Language = 'en'): SkillSuggestion[] {
      return suggestSkills(query.slice(0, 100), ctx.index(guildId).customKeys(), 25, undefined, language);
    },

    /** True when typed text matches no known skill (autocomplete then offers it as a new one). */
    isNewSkill(guildId: string, typed: string): boolean {
      return resolveSkill(typed, ctx.index(guildId).customKeys())?.kind === 'new';
    },

    /** The caller's own entries for `/skills remove` autocomplete, found by their name in any language. */
    suggestMine(actor: Actor, query: string): { id: number; kind: SkillEntryKind; skillKey: string }[] {
      const q = normalizeSkillText(query);
      return mine(actor)
        .filter((entry) => !q || skillNames(entry.skillKey).some((name) => normalizeSkillText(name).includes(q)))
        .slice(0, 25)
        .map((entry) => ({ id: entry.id, kind: entry.kind, skillKey: entry.skillKey }));
    },

    privacy(actor: Actor): Privacy {
      return toPrivacy(ctx.index(actor.guildId).prefsOf(actor.userId));
    },

    setPrivacy(actor: Actor, input: z.input<typeof privacySchema>): Privacy {
      const data = parseInput(privacySchema, input);
      const current = ctx.index(actor.guildId).prefsOf(actor.userId);
      const next: MemberPrefs = {
        hidden: data.matching ? data.matching === 'hidden' : current.hidden,
        introsClosed: data.intros ? data.intros === 'closed' : current.introsClosed,
        remindersOff: data.reminders ? data.reminders === 'off' : current.remindersOff,
      };
      ctx.write(
        actor.guildId,
        () => repo.savePrefs({ guildId: actor.guildId, userId: actor.userId, ...next }),
        (index) => index.setPrefs(actor.userId, next),
      );
      return toPrivacy(next);
    },

    /** Deletes everything skill-share knows about a member in one alliance (privacy requests, leaving). */
    forgetMember(guildId: string, userId: string): { entries: number } {
      const ids = ctx.write(
        guildId,
        () => {
          const removed = repo.forgetMember(guildId, userId);
          for (const id of removed) jobs.cancelByPrefix(guildId, needJobPrefix(id));
          return removed;
        },
        (index) => index.removeUser(userId),
      );
      return { entries: ids.length };
    },
  };
}

export function createSkillsService(deps: SkillsServiceDeps) {
  const ctx = createSkillsContext(deps);
  const entries = entryUseCases(ctx);
  const intros = createIntroUseCases(ctx);
  // Named verb by verb (no spread: a verb added to a part is added here on purpose).
  return {
    offer: entries.offer,
    need: entries.need,
    mine: entries.mine,
    remove: entries.remove,
    renew: entries.renew,
    match: entries.match,
    matchesShown: entries.matchesShown,
    who: entries.who,
    suggest: entries.suggest,
    isNewSkill: entries.isNewSkill,
    suggestMine: entries.suggestMine,
    privacy: entries.privacy,
    setPrivacy: entries.setPrivacy,
    forgetMember: entries.forgetMember,
    requestIntro: intros.requestIntro,
    intro: intros.intro,
    respondIntro: intros.respondIntro,
    cancelIntro: intros.cancelIntro,
    answerHelped: intros.answerHelped,
    introFollowup: intros.introFollowup,
    thank: intros.thank,
    top: intros.top,
    monthSummary: intros.monthSummary,
    jobs: jobUseCases(ctx),
  };
}

export type SkillsService = ReturnType<typeof createSkillsService>;
