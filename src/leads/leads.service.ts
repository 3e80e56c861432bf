// Lead use cases: a host sends a prospect to another member space, its hosts accept or pass, the sender records
// the outcome, and everyone sees per space how many leads were sent, received and won.
import type { LeadOutcome } from '../db/schema/index.js';
import type { Actor } from '../shared/actor.js';
import { dayIn } from '../shared/calendar-day.js';
import { DAY, type Clock } from '../shared/clock.js';
import { conflict, forbidden, invalid, invalidFields, msg, notFound, problem, type FieldProblem } from '../shared/errors.js';
import type { SpacesLookup } from '../shared/spaces-port.js';
import type { LeadRow, LeadsRepo } from './leads.repo.js';
import { byDateProblem, LEAD_LIMITS } from './leads.rules.js';

export interface SendInput {
  toSpaceId: number;
  need: string;
  size?: number;
  byDate?: string;
  consent: boolean;
  contact?: string;
  fromSpaceId?: number;
}

export interface LeadStatsRow {
  spaceId: number;
  spaceName: string;
  sent: number;
  received: number;
  won: number;
}

export function createLeadsService(deps: { repo: LeadsRepo; clock: Clock; spaces: SpacesLookup; timezone(guildId: string): string }) {
  const { repo, spaces } = deps;
  const now = () => deps.clock.now().getTime();

  function load(guildId: string, id: number): LeadRow {
    const lead = repo.get(guildId, id);
    if (!lead) throw notFound(msg('leads.error.notFound'));
    return lead;
  }

  /** The sending space: the one the member names, or the only one they host. */
  function fromSpace(actor: Actor, hosted: { id: number; name: string }[], chosen?: number) {
    if (!hosted.length) throw forbidden(msg('leads.error.hostsOnly'));
    if (chosen !== undefined) {
      const space = hosted.find((s) => s.id === chosen);
      if (!space) throw invalid('from-space', msg('leads.error.notYourSpace'));
      return space;
    }
    if (hosted.length > 1) throw invalid('from-space', msg('leads.error.severalSpaces'));
    return hosted[0]!;
  }

  return {
    send(actor: Actor, input: SendInput): { lead: LeadRow; hostUserIds: string[] } {
      const hosted = spaces.spacesHostedBy(actor.guildId, actor.userId);
      const from = fromSpace(actor, hosted, input.fromSpaceId);
      const to = spaces.approvedSpace(actor.guildId, input.toSpaceId);
      const problems: FieldProblem[] = [];
      if (!to) problems.push(problem('to-space', msg('leads.error.toSpaceUnknown')));
      else if (hosted.some((s) => s.id === to.id)) problems.push(problem('to-space', msg('leads.error.toSpaceOwn')));
      if (input.contact && !input.consent) problems.push(problem('contact', msg('leads.error.contactConsent')));
      const byDate = input.byDate ? byDateProblem(input.byDate, dayIn(now(), deps.timezone(actor.guildId))) : null;
      if (byDate) problems.push(problem('by-date', msg(byDate === 'past' ? 'leads.error.byDatePast' : 'leads.error.byDateFar')));
      if (problems.length) throw invalidFields(problems);
      return repo.transaction(() => {
        if (repo.countOpenFrom(actor.guildId, from.id) >= LEAD_LIMITS.maxOpenPerSpace) {
          throw conflict(msg('leads.error.tooManyOpen', { space: from.name, count: LEAD_LIMITS.maxOpenPerSpace }));
        }
        const lead = repo.insert({
          guildId: actor.guildId, fromSpaceId: from.id, fromSpaceName: from.name, toSpaceId: to!.id, toSpaceName: to!.name, need: input.need,
          size: input.size ?? null, byDate: input.byDate ?? null, consent: input.consent, contact: input.consent ? (input.contact ?? null) : null,
          sentBy: actor.userId, status: 'open', createdAt: now(),
        });
        return { lead, hostUserIds: to!.hostUserIds };
      });
    },

    /** Accept or Pass, by a host of the receiving space; a second answer changes nothing. */
    answer(actor: Actor, leadId: number, accept: boolean): { lead: LeadRow; changed: boolean } {
      const lead = load(actor.guildId, leadId);
      const to = spaces.approvedSpace(actor.guildId, lead.toSpaceId);
      if (!to?.hostUserIds.includes(actor.userId)) throw forbidden(msg('leads.error.answerHostsOnly', { space: lead.toSpaceName }));
      const changed = repo.answer(actor.guildId, leadId, accept ? 'accepted' : 'passed', actor.userId, now());
      return { lead: load(actor.guildId, leadId), changed };
    },

    /** The sender's space records how it ended (its hosts, or whoever sent it). */
    outcome(actor: Actor, leadId: number, result: LeadOutcome): LeadRow {
      const lead = load(actor.guildId, leadId);
      const hosts = spaces.approvedSpace(actor.guildId, lead.fromSpaceId)?.hostUserIds ?? [];
      if (lead.sentBy !== actor.userId && !hosts.includes(actor.userId)) throw forbidden(msg('leads.error.outcomeHostsOnly', { space: lead.fromSpaceName }));
      repo.setOutcome(actor.guildId, leadId, result, now());
      return load(actor.guildId, leadId);
    },

    /** Leads sent from the member's spaces, newest first (outcome autocomplete). */
    sentByMySpaces(actor: Actor, limit = 25): LeadRow[] {
      const hosted = spaces.spacesHostedBy(actor.guildId, actor.userId).map((s) => s.id);
      return repo.sentFrom(actor.guildId, hosted, limit);
    },

    stats(actor: Actor, months = 12): { months: number; rows: LeadStatsRow[] } {
      if (!Number.isInteger(months) || months < LEAD_LIMITS.minMonths || months > LEAD_LIMITS.maxMonths) throw invalid('months', msg('validation.between', { field: 'months', min: LEAD_LIMITS.minMonths, max: LEAD_LIMITS.maxMonths }));
      const { sent, received } = repo.stats(actor.guildId, now() - months * 30 * DAY);
      const rows = new Map<number, LeadStatsRow>();
      const row = (spaceId: number, spaceName: string) => {
        let found = rows.get(spaceId);
        if (!found) rows.set(spaceId, (found = { spaceId, spaceName, sent: 0, received: 0, won: 0 }));
        return found;
      };
      for (const s of sent) row(s.spaceId, s.name).sent = s.n;
      for (const r of received) Object.assign(row(r.spaceId, r.name), { received: r.n, won: Number(r.won ?? 0) });
      return { months, rows: [...rows.values()].sort((a, b) => b.sent + b.received - (a.sent + a.received) || a.spaceName.localeCompare(b.spaceName)) };
    },

    get(guildId: string, leadId: number): LeadRow {
      return load(guildId, leadId);
    },

    monthCount(guildId: string, from: number, to: number): number {
      return repo.countBetween(guildId, from, to);
    },

    forgetMember(guildId: string, userId: string) {
      return repo.forget(guildId, userId);
    },
  };
}

export type LeadsService = ReturnType<typeof createLeadsService>;
