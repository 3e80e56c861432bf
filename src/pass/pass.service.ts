// Pass use cases: a space's terms, issuing a pass, a holder's passes, check-ins at the front desk, the month's
// visits per space and per pass (to share the pass revenue), the CSV export and the monthly update's numbers.
import type { Actor } from '../shared/actor.js';
import { addDays, dayIn } from '../shared/calendar-day.js';
import type { Clock } from '../shared/clock.js';
import { conflict, forbidden, invalid, msg, notFound } from '../shared/errors.js';
import type { SpacesLookup } from '../shared/spaces-port.js';
import { columnId, writeCsv, type ColumnName } from '../shared/csv.js';
import type { PassRepo, PassRow } from './pass.repo.js';
import { generateCode, PASS_DEFAULTS, PASS_LIMITS, passState, readPassRef, type PassState } from './pass.rules.js';

export interface IssueInput {
  userId?: string;
  userIsBot?: boolean;
  holderName?: string;
  visits?: number;
  validDays?: number;
  note?: string;
}

export interface PassView {
  id: number;
  code: string;
  holderUserId: string | null;
  holderName: string | null;
  visits: number;
  used: number;
  left: number;
  validUntil: string;
  state: PassState;
  note: string | null;
}

export interface CheckinResult {
  pass: PassView;
  spaceName: string;
  /** True when this pass was already checked in at this space today: nothing new was recorded. */
  already: boolean;
}

export interface VisitsReport {
  month: string;
  total: number;
  bySpace: { spaceId: number; spaceName: string; visits: number }[];
  byPass: { passId: number; code: string; holderUserId: string | null; holderName: string | null; visits: number }[];
}

const CODE_ATTEMPTS = 20;

export function createPassService(deps: {
  repo: PassRepo;
  clock: Clock;
  spaces: SpacesLookup;
  timezone(guildId: string): string;
  randomIndex(n: number): number;
}) {
  const { repo, spaces } = deps;
  const today = (guildId: string) => dayIn(deps.clock.now(), deps.timezone(guildId));

  function view(guildId: string, pass: PassRow, day: string): PassView {
    const used = repo.used(guildId, pass.id);
    return {
      id: pass.id, code: pass.code, holderUserId: pass.holderUserId, holderName: pass.holderName, visits: pass.visits, used,
      left: Math.max(0, pass.visits - used), validUntil: pass.validUntil, state: passState(pass, used, day), note: pass.note,
    };
  }

  function requireOrganizer(actor: Actor, action: 'issue' | 'visits' | 'export'): void {
    if (!actor.isOrganizer) throw forbidden(msg('pass.errors.organizersOnly', { action }));
  }

  /** The pass a host means: a code, or the member's usable pass that runs out first. */
  function findPass(actor: Actor, text: string, day: string): PassRow {
    const ref = readPassRef(text);
    if (!ref) throw invalid('pass-code-or-member', msg('pass.errors.notAPass'));
    if (ref.kind === 'code') {
      const pass = repo.byCode(actor.guildId, ref.code);
      if (!pass) throw notFound(msg('pass.errors.noSuchCode'));
      return pass;
    }
    const held = repo.ofHolder(actor.guildId, ref.userId);
    if (!held.length) throw notFound(msg('pass.errors.holdsNone'));
    return held.find((p) => passState(p, repo.used(actor.guildId, p.id), day) === 'usable') ?? held[held.length - 1]!;
  }

  return {
    spaceTerms(guildId: string, spaceId: number): { accepts: boolean; terms: string | null } | null {
      return repo.terms(guildId, spaceId);
    },

    acceptingSpaceIds(guildId: string): Set<number> {
      return new Set(repo.acceptingSpaceIds(guildId));
    },

    /** Throws unless the actor may set this space's pass terms: call before other edits, so a refusal changes nothing. */
    assertCanSetTerms(actor: Actor, spaceId: number) {
      const space = spaces.approvedSpace(actor.guildId, spaceId);
      if (!space) throw notFound(msg('pass.errors.notListed'));
      if (!actor.isOrganizer && !space.hostUserIds.includes(actor.userId)) throw forbidden(msg('pass.errors.termsForbidden', { space: space.name }));
      return space;
    },

    /** /space edit pass/pass-terms: the space's hosts or an organizer. Terms are kept when only `accepts` changes. */
    setSpaceTerms(actor: Actor, spaceId: number, change: { accepts?: boolean; terms?: string | null }) {
      const space = spaces.approvedSpace(actor.guildId, spaceId);
      if (!space) throw notFound(msg('pass.errors.notListed'));
      if (!actor.isOrganizer && !space.hostUserIds.includes(actor.userId)) throw forbidden(msg('pass.errors.termsForbidden', { space: space.name }));
      const current = repo.terms(actor.guildId, spaceId);
      const accepts = change.accepts ?? current?.accepts ?? change.terms !== undefined;
      const terms = change.terms === undefined ? (current?.terms ?? null) : change.terms;
      repo.setTerms(actor.guildId, spaceId, accepts, terms, deps.clock.now().getTime());
      return { accepts, terms };
    },

    issue(actor: Actor, input: IssueInput): PassView {
      requireOrganizer(actor, 'issue');
      if (input.userId && input.holderName) throw invalid('holder-name', msg('pass.errors.both'));
      if (!input.userId && !input.holderName) throw invalid('member', msg('pass.errors.who'));
      if (input.userIsBot) throw invalid('member', msg('pass.errors.bot'));
      const visits = input.visits ?? PASS_DEFAULTS.visits;
      const validDays = input.validDays ?? PASS_DEFAULTS.validDays;
      if (!Number.isInteger(visits) || visits < PASS_LIMITS.minVisits || visits > PASS_LIMITS.maxVisits) throw invalid('visits', msg('pass.errors.visits', { min: PASS_LIMITS.minVisits, max: PASS_LIMITS.maxVisits }));
      if (!Number.isInteger(validDays) || validDays < PASS_LIMITS.minValidDays || validDays > PASS_LIMITS.maxValidDays) throw invalid('valid-days', msg('pass.errors.validDays', { min: PASS_LIMITS.minValidDays, max: PASS_LIMITS.maxValidDays }));
      const day = today(actor.guildId);
      for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
        const row = repo.insertPass({
          guildId: actor.guildId, code: generateCode(deps.randomIndex), holderUserId: input.userId ?? null, holderName: input.holderName ?? null,
          visits, validUntil: addDays(day, validDays - 1), note: input.note ?? null, issuedBy: actor.userId, issuedAt: deps.clock.now().getTime(),
        });
        if (row) return view(actor.guildId, row, day);
      }
      throw conflict(msg('pass.errors.noFreeCode'));
    },

    mine(actor: Actor): PassView[] {
      const day = today(actor.guildId);
      return repo.ofHolder(actor.guildId, actor.userId).map((p) => view(actor.guildId, p, day));
    },

    /** A visit at the front desk: a host of that space, a space that takes the pass, a pass valid today with visits left. */
    checkin(actor: Actor, input: { pass: string; spaceId: number }): CheckinResult {
      const space = spaces.approvedSpace(actor.guildId, input.spaceId);
      if (!space) throw notFound(msg('pass.errors.notInDirectory'));
      if (!space.hostUserIds.includes(actor.userId)) throw forbidden(msg('pass.errors.notHost', { space: space.name }));
      if (!repo.terms(actor.guildId, space.id)?.accepts) throw conflict(msg('pass.errors.notAccepted', { space: space.name }));
      const day = today(actor.guildId);
      return repo.transaction(() => {
        const pass = findPass(actor, input.pass, day);
        if (repo.visitOn(actor.guildId, pass.id, space.id, day)) return { pass: view(actor.guildId, pass, day), spaceName: space.name, already: true };
        const state = passState(pass, repo.used(actor.guildId, pass.id), day);
        if (state === 'expired') throw conflict(msg('pass.errors.expired'));
        if (state === 'used_up') throw conflict(msg('pass.errors.usedUp'));
        const inserted = repo.insertVisit({ guildId: actor.guildId, passId: pass.id, spaceId: space.id, spaceName: space.name, day, visitedAt: deps.clock.now().getTime(), checkedInBy: actor.userId });
        return { pass: view(actor.guildId, pass, day), spaceName: space.name, already: inserted === null };
      });
    },

    /** Visits per space and per pass in a month (YYYY-MM, alliance time; default this month). Organizers. */
    visits(actor: Actor, month?: string): VisitsReport {
      requireOrganizer(actor, 'visits');
      const chosen = month ?? today(actor.guildId).slice(0, 7);
      const bySpace = repo.visitsBySpace(actor.guildId, chosen);
      // Only the passes a message can show are read (the export has them all).
      const shown = repo.topPasses(actor.guildId, chosen, 50);
      const rows = new Map(repo.byIds(actor.guildId, shown.map((p) => p.passId)).map((p) => [p.id, p]));
      return {
        month: chosen,
        total: bySpace.reduce((n, s) => n + s.visits, 0),
        bySpace,
        byPass: shown.map((p) => ({ passId: p.passId, code: rows.get(p.passId)?.code ?? '', holderUserId: rows.get(p.passId)?.holderUserId ?? null, holderName: rows.get(p.passId)?.holderName ?? null, visits: p.visits })),
      };
    },

    /** Every visit as CSV (cells that would start a formula are defused). Organizers. `columnName` names the header's columns. */
    exportCsv(actor: Actor, columnName: ColumnName = columnId): string {
      requireOrganizer(actor, 'export');
      const rows = repo.allVisits(actor.guildId).map((r) => [r.visit.day, r.visit.spaceName, r.code, r.holderUserId ?? '', r.holderName ?? '']);
      return writeCsv(['day', 'space', 'pass', 'holder_id', 'holder_name'].map(columnName), rows);
    },

    /** The monthly update: a month's visits and the spaces that welcomed the most. */
    monthSummary(guildId: string, month: string) {
      const bySpace = repo.visitsBySpace(guildId, month);
      return { total: bySpace.reduce((n, s) => n + s.visits, 0), top: bySpace.slice(0, 3) };
    },

    forgetMember(guildId: string, userId: string) {
      return repo.forget(guildId, userId);
    },
  };
}

export type PassService = ReturnType<typeof createPassService>;
