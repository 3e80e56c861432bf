// Introductions with consent (request, accept/decline, "did it help?") and recognition (thanks, top helpers,
// the month's numbers for the monthly update). Part of the skills service.
import { z } from 'zod';
import type { Actor } from '../shared/actor.js';
import { DAY } from '../shared/clock.js';
import { conflict, forbidden, invalid, msg, notFound } from '../shared/errors.js';
import { closeness } from './match.rules.js';
import { noteField, parseInput, SKILL_JOBS, skillField, type SkillsContext } from './skills.context.js';
import type { IntroLink } from '../db/schema/index.js';
import type { IntroRow } from './skills.repo.js';
import { introFollowupAt, introRefusal, LIMITS, localMonthStart, type IntroRefusal } from './skills.rules.js';
import { resolveSkill, skillInfo } from './taxonomy.rules.js';

export type Intro = IntroRow;

export interface TopHelper {
  userId: string;
  thanks: number;
  /** Accepted intros the other member said helped. */
  helpful: number;
  score: number;
}

export interface MonthSummary {
  offers: number;
  needs: number;
  topSkills: { label: string; count: number }[];
  introsRequested: number;
  introsAccepted: number;
  helpful: number;
  thanks: number;
  helpers: TopHelper[];
}

const userField = z.string().regex(/^\d{15,21}$/, 'skills.user.notMember');

const requestSchema = z.object({ user: userField, userIsBot: z.boolean(), channelId: z.string().nullish() });
const thanksSchema = z.object({ user: userField, userIsBot: z.boolean(), skill: skillField, note: noteField });

const at = (ms: number) => `<t:${Math.floor(ms / 1000)}:D>`;
const mention = (userId: string) => `<@${userId}>`;

function refusalError(refusal: IntroRefusal, targetId: string) {
  switch (refusal.kind) {
    case 'self':
      return invalid('user', msg('skills.intro.error.self'));
    case 'bot':
      return invalid('user', msg('skills.intro.error.bot'));
    case 'unavailable':
      return forbidden(msg('skills.intro.error.closed', { target: mention(targetId) }));
    case 'no-match':
      return conflict(msg('skills.intro.error.noMatch', { target: mention(targetId) }));
    case 'duplicate':
      return conflict(msg(refusal.theyAsked ? 'skills.intro.error.theyAsked' : 'skills.intro.error.youAsked', { target: mention(targetId) }));
    case 'too-many-pending':
      return conflict(msg('skills.intro.error.tooManyPending', { count: LIMITS.pendingIntros, days: LIMITS.introAnswerWindowMs / DAY }));
    case 'cooldown':
      return conflict(msg('skills.intro.error.cooldown', { target: mention(targetId), from: at(refusal.until) }));
  }
}

export function createIntroUseCases(ctx: SkillsContext) {
  const { repo, jobs } = ctx;

  /** Skills that link two members now: what each offers that the other needs (same skill, synonym or category). */
  function links(guildId: string, requesterId: string, targetId: string) {
    const index = ctx.index(guildId);
    const now = ctx.now();
    const live = (userId: string) => index.entriesOf(userId).filter((entry) => entry.expiresAt === null || entry.expiresAt > now);
    const mine = live(requesterId);
    const theirs = live(targetId);
    // Each offer with the need it met, so the request names what the other person actually needs.
    const offered = (from: typeof mine, to: typeof mine) => {
      const found = new Map<string, IntroLink>();
      for (const offer of from) {
        if (offer.kind !== 'offer') continue;
        for (const need of to) {
          const close = need.kind === 'need' ? closeness(offer, need) : null;
          if (close) found.set(`${offer.label}\u0000${need.label}`, { offer: offer.label, need: need.label, close: close === 'category' });
        }
      }
      return [...found.values()];
    };
    return { targetOffers: offered(theirs, mine), requesterOffers: offered(mine, theirs) };
  }

  function pendingIntro(actor: Actor, introId: number): IntroRow {
    const intro = repo.intro(actor.guildId, introId);
    if (!intro) throw notFound(msg('skills.intro.error.requestGone'));
    if (intro.targetId !== actor.userId) throw forbidden(msg('skills.intro.error.notYours'));
    if (intro.status !== 'pending') throw conflict(msg('skills.intro.error.answered'));
    if (ctx.now() - intro.createdAt >= LIMITS.introAnswerWindowMs) {
      throw conflict(msg('skills.intro.error.lapsed', { days: LIMITS.introAnswerWindowMs / DAY }));
    }
    return intro;
  }

  function helpers(guildId: string, from: number, to: number): TopHelper[] {
    const tally = new Map<string, TopHelper>();
    const of = (userId: string) => {
      let row = tally.get(userId);
      if (!row) tally.set(userId, (row = { userId, thanks: 0, helpful: 0, score: 0 }));
      return row;
    };
    for (const thanks of repo.thanksIn(guildId, from, to)) of(thanks.toUserId).thanks++;
    const within = (value: number | null) => value !== null && value >= from && value < to;
    for (const intro of repo.introsTouchedIn(guildId, from, to)) {
      if (intro.requesterHelped && within(intro.requesterAnsweredAt)) of(intro.targetId).helpful++;
      if (intro.targetHelped && within(intro.targetAnsweredAt)) of(intro.requesterId).helpful++;
    }
    for (const row of tally.values()) row.score = row.thanks + row.helpful;
    return [...tally.values()].filter((row) => row.score > 0).sort((a, b) => b.score - a.score || b.thanks - a.thanks || a.userId.localeCompare(b.userId));
  }

  return {
    requestIntro(actor: Actor, input: z.input<typeof requestSchema>): Intro {
      const data = parseInput(requestSchema, input);
      const { guildId, userId } = actor;
      const now = ctx.now();
      const prefs = ctx.index(guildId).prefsOf(data.user);
      const linked = data.user === userId ? { targetOffers: [], requesterOffers: [] } : links(guildId, userId, data.user);
      const refusal = introRefusal({
        requesterId: userId,
        targetId: data.user,
        targetIsBot: data.userIsBot,
        targetAvailable: !prefs.hidden && !prefs.introsClosed,
        linked: linked.targetOffers.length + linked.requesterOffers.length > 0,
        history: {
          pendingByRequester: repo.pendingCount(guildId, userId, now - LIMITS.introAnswerWindowMs),
          latestBetween: repo.latestIntroBetween(guildId, userId, data.user),
        },
        now,
      });
      if (refusal) throw refusalError(refusal, data.user);
      return repo.insertIntro({ guildId, requesterId: userId, targetId: data.user, ...linked, channelId: data.channelId ?? null, createdAt: now });
    },

    intro(guildId: string, introId: number): Intro | null {
      return repo.intro(guildId, introId);
    },

    /** The target accepts or declines; on accept the "did it help?" follow-up is planned for a week later. */
    respondIntro(actor: Actor, introId: number, accept: boolean): Intro {
      const intro = pendingIntro(actor, introId);
      const now = ctx.now();
      return ctx.db.transaction(() => {
        const updated = repo.updateIntro(actor.guildId, intro.id, { status: accept ? 'accepted' : 'declined', respondedAt: now }, 'pending');
        if (!updated) throw conflict(msg('skills.intro.error.answered'));
        if (accept) {
          const dueAt = introFollowupAt(now, ctx.timezone(actor.guildId));
          jobs.schedule({
            guildId: actor.guildId,
            key: `skills:intro:${intro.id}:followup`,
            kind: SKILL_JOBS.introFollowup,
            dueAt,
            expiresAt: dueAt + 3 * DAY,
            payload: { introId: intro.id },
          });
        }
        return updated;
      });
    },

    /** A request that could not be delivered (DMs closed and no thread possible): it never happened. */
    cancelIntro(guildId: string, introId: number): void {
      repo.updateIntro(guildId, introId, { status: 'cancelled' }, 'pending');
    },

    /** "Did it help?" answered by either side, once each. */
    answerHelped(actor: Actor, introId: number, helped: boolean): Intro {
      const intro = repo.intro(actor.guildId, introId);
      if (!intro || intro.status !== 'accepted') throw notFound(msg('skills.followup.error.gone'));
      const side = intro.requesterId === actor.userId ? 'requester' : intro.targetId === actor.userId ? 'target' : null;
      if (!side) throw forbidden(msg('skills.followup.error.notYours'));
      const answered = side === 'requester' ? intro.requesterHelped : intro.targetHelped;
      if (answered !== null) throw conflict(msg('skills.followup.error.answered'));
      const now = ctx.now();
      const patch = side === 'requester' ? { requesterHelped: helped, requesterAnsweredAt: now } : { targetHelped: helped, targetAnsweredAt: now };
      return repo.updateIntro(actor.guildId, intro.id, patch)!;
    },

    /** The follow-up job's data: only accepted intros are asked about. */
    introFollowup(guildId: string, introId: number): Intro | null {
      const intro = repo.intro(guildId, introId);
      return intro && intro.status === 'accepted' ? intro : null;
    },

    thank(actor: Actor, input: z.input<typeof thanksSchema>) {
      const data = parseInput(thanksSchema, input);
      if (data.user === actor.userId) throw invalid('user', msg('skills.thanks.error.self'));
      if (data.userIsBot) throw invalid('user', msg('skills.thanks.error.bot'));
      const resolution = resolveSkill(data.skill, ctx.index(actor.guildId).customKeys());
      if (!resolution) throw invalid('skill', msg('skills.skill.noLetters'));
      const now = ctx.now();
      const latest = repo.latestThanks(actor.guildId, actor.userId, data.user, resolution.skill.key);
      if (latest && now - latest.createdAt < LIMITS.thanksRepeatMs) {
        throw conflict(msg('skills.thanks.error.again', { user: mention(data.user), skill: resolution.skill.label }));
      }
      return repo.insertThanks({
        guildId: actor.guildId,
        fromUserId: actor.userId,
        toUserId: data.user,
        skillKey: resolution.skill.key,
        skillLabel: resolution.skill.label,
        note: data.note,
        createdAt: now,
      });
    },

    /** Who helped most this month (alliance time): thanks received plus intros the other side said helped. */
    top(guildId: string, limit = 10): { from: number; helpers: TopHelper[] } {
      const now = ctx.now();
      const from = localMonthStart(now, ctx.timezone(guildId));
      return { from, helpers: helpers(guildId, from, now + 1).slice(0, limit) };
    },

    monthSummary(guildId: string, from: number, to: number): MonthSummary {
      const entries = repo.entriesCreatedIn(guildId, from, to);
      const counts = new Map<string, { label: string; count: number }>();
      for (const row of entries) {
        const current = counts.get(row.skillKey) ?? { label: skillInfo(row.skillKey).label, count: 0 };
        current.count++;
        counts.set(row.skillKey, current);
      }
      const intros = repo.introsCreatedIn(guildId, from, to);
      const touched = repo.introsTouchedIn(guildId, from, to);
      const inPeriod = (value: number | null) => value !== null && value >= from && value < to;
      const helperRows = helpers(guildId, from, to);
      return {
        offers: entries.filter((row) => row.kind === 'offer').length,
        needs: entries.filter((row) => row.kind === 'need').length,
        topSkills: [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, 3),
        introsRequested: intros.length,
        introsAccepted: touched.filter((intro) => intro.status === 'accepted' && inPeriod(intro.respondedAt)).length,
        helpful: helperRows.reduce((sum, row) => sum + row.helpful, 0),
        thanks: helperRows.reduce((sum, row) => sum + row.thanks, 0),
        helpers: helperRows.slice(0, 3),
      };
    },
  };
}
