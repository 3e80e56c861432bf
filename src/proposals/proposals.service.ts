// Proposal life cycle: open (rule frozen, electorate fixed, deadline scheduled), withdraw, close with the result,
// and the read side (list, show, search). Voting itself lives in votes.service.ts.
import { z } from 'zod';
import type { AlliancesService } from '../alliances/alliances.service.js';
import { DECISION_TYPES, RULE_KINDS, VOTER_KINDS, type RuleChange } from '../db/schema/index.js';
import type { RulesService } from '../rules/rules.service.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import type { Actor } from '../shared/actor.js';
import { DAY, type Clock } from '../shared/clock.js';
import type { Language } from '../shared/languages.js';
import { conflict, forbidden, invalid, invalidFields, msg, notFound, problem, type FieldProblem, type MessageRef } from '../shared/errors.js';
import { between, issueProblem } from '../shared/validate.js';
import { checkDeadline, parseCloses } from './deadline.rules.js';
import type { ProposalDraftsRepo } from './drafts.repo.js';
import { closeJobKey, CLOSE_JOB, reminderJobKey, REMINDER_JOB, type AgendaPort, type GuildPeople, type SpacesPort, type StandingPort } from './ports.js';
import type { ProposalRow, ProposalsRepo, VoterUnit } from './proposals.repo.js';
import { tallyOf, toView, type ProposalView } from './proposals.views.js';

const optionalText = (maxChars: number) =>
  z.string().trim().max(maxChars).optional().transform((v) => (v ? v : undefined));

export const createProposalSchema = z.object({
  type: z.enum(DECISION_TYPES).default('general'),
  title: z.string().trim().min(1).max(150),
  summary: z.string().trim().min(1).max(1000).optional(),
  need: optionalText(1000),
  audience: optionalText(1000),
  measure: optionalText(1000),
  rule: z.enum(RULE_KINDS).optional(),
  closes: z.string().trim().max(40).optional(),
  quorum: z.number().int('validation.between').refine(...between(0, 100)).optional(),
  voters: z.enum(VOTER_KINDS).optional(),
  voterRoleId: z.string().regex(/^\d{15,21}$/, 'proposals.error.voterRoleNotRole').optional(),
  anonymous: z.boolean().default(false),
  hideResults: z.boolean().default(false),
  fromItemId: z.number().int('proposals.error.notAnAgendaItem').positive('proposals.error.notAnAgendaItem').optional(),
});
export type CreateProposalInput = z.input<typeof createProposalSchema>;
type ParsedInput = z.output<typeof createProposalSchema>;

/** How long the options of /proposal create wait for their form. */
export const PROPOSAL_DRAFT_TTL_MS = DAY;

const FIELD_NAMES: Record<string, string> = { voterRoleId: 'voter-role', hideResults: 'hide-results', fromItemId: 'from-item' };

/** The options of a proposal once checked against the type's rules: what the modal submit will open. */
export interface ProposalPlan {
  input: ParsedInput;
  rule: ProposalRow['rule'];
  thresholdNum: number;
  thresholdDen: number;
  quorum: number | null;
  voters: ProposalRow['voters'];
  voterRoleId: string | null;
  closesAt: number;
  agendaItem: { id: number; topic: string; meetingTitle: string } | null;
}

export interface ProposalsDeps {
  repo: ProposalsRepo;
  drafts: ProposalDraftsRepo;
  rules: RulesService;
  alliances: AlliancesService;
  jobs: JobsRepo;
  clock: Clock;
  transaction: <T>(work: () => T) => T;
  spaces?: SpacesPort;
  agenda?: AgendaPort;
  standing?: StandingPort;
}

export interface ClosedProposal {
  proposal: ProposalView;
  /** Where the result goes besides the thread; null when the alliance has no announcements channel. */
  announcementsChannelId: string | null;
  /** False when the agenda item could not be updated (it was deleted): the close still stands. */
  agendaUpdated: boolean | null;
}

export function createProposalsService(deps: ProposalsDeps) {
  const { repo, rules, alliances, jobs, clock } = deps;

  function mustGet(guildId: string, id: number): ProposalRow {
    const row = repo.get(guildId, id);
    if (!row) throw notFound(msg('proposals.error.notFound', { number: id }));
    return row;
  }

  function parse(input: unknown): ParsedInput {
    const parsed = createProposalSchema.safeParse(input);
    if (parsed.success) return parsed.data;
    throw invalidFields(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? 'title');
        return issueProblem(issue, FIELD_NAMES[key] ?? key);
      }),
    );
  }

  /** `language`: the member's, in which `closes` is read first (then English). */
  function plan(actor: Actor, raw: CreateProposalInput, language: Language = 'en'): ProposalPlan {
    const input = parse(raw);
    const settings = alliances.settings(actor.guildId);
    const base = rules.forType(actor.guildId, input.type);
    const now = clock.now().getTime();
    const problems: FieldProblem[] = [];
    const locked = (field: string) =>
      problems.push(problem(field, msg('proposals.error.overrideLocked', { type: input.type, field })));
    if (!settings.proposalsChannelId) {
      problems.push(problem('proposals-channel', msg('proposals.error.noChannel')));
    }
    if (!base.allowOverride) {
      if (input.rule !== undefined && input.rule !== base.rule) locked('rule');
      if (input.quorum !== undefined && (input.quorum || null) !== base.quorum) locked('quorum');
      if (input.voters !== undefined && input.voters !== base.voters) locked('voters');
    }
    const voters = input.voters ?? base.voters;
    const voterRoleId = voters === 'role' ? (input.voterRoleId ?? (voters === base.voters ? base.voterRoleId : null)) : null;
    if (voters === 'role' && !voterRoleId) problems.push(problem('voter-role', msg('proposals.error.voterRoleNeeded')));
    if (!base.allowOverride && voters === 'role' && voterRoleId !== base.voterRoleId) locked('voter-role');
    if (voters === 'spaces' && !deps.spaces) problems.push(problem('voters', msg('proposals.error.spacesUnavailable')));
    if (voters === 'spaces-in-good-standing' && !(deps.spaces && deps.standing)) problems.push(problem('voters', msg('proposals.error.goodStandingUnavailable')));

    let closesAt = now + base.periodMinutes * 60_000;
    if (input.closes !== undefined) {
      const parsed = parseCloses(input.closes, now, settings.timezone, language);
      if (!parsed.ok) problems.push(problem('closes', parsed.message));
      // Shortening the vote is an override: a short deadline can keep members from voting.
      else if (!base.allowOverride && parsed.value < closesAt) problems.push(problem('closes', msg('proposals.error.shorterLocked', { type: input.type })));
      else closesAt = parsed.value;
    } else {
      const check = checkDeadline(closesAt, now);
      if (!check.ok) problems.push(problem('closes', check.message));
    }

    let agendaItem: ProposalPlan['agendaItem'] = null;
    if (input.fromItemId !== undefined) {
      const item = deps.agenda?.agendaItem(actor.guildId, input.fromItemId) ?? null;
      if (!item) problems.push(problem('from-item', msg('proposals.error.notAnAgendaItem', { field: 'from-item' })));
      else agendaItem = { id: item.id, topic: item.topic, meetingTitle: item.meetingTitle };
    }
    if (problems.length) throw invalidFields(problems);
    return {
      input,
      rule: input.rule ?? base.rule,
      thresholdNum: base.thresholdNum,
      thresholdDen: base.thresholdDen,
      quorum: input.quorum === undefined ? base.quorum : input.quorum || null,
      voters,
      voterRoleId,
      closesAt,
      agendaItem,
    };
  }

  function electorate(guildId: string, p: ProposalPlan, people: GuildPeople): VoterUnit[] {
    switch (p.voters) {
      case 'everyone':
        return people.humans.map((h) => ({ voterKey: h.id, label: null, userIds: [h.id] }));
      case 'role':
        return people.humans
          .filter((h) => h.roleIds.includes(p.voterRoleId!))
          .map((h) => ({ voterKey: h.id, label: null, userIds: [h.id] }));
      case 'spaces':
      case 'spaces-in-good-standing': {
        const present = new Set(people.humans.map((h) => h.id));
        // Good standing is read once, now: the electorate is frozen at the opening like every other.
        const good = p.voters === 'spaces-in-good-standing' ? (deps.standing?.spacesInGoodStanding(guildId) ?? new Set<number>()) : null;
        return (deps.spaces?.approvedSpaces(guildId) ?? []).filter((s) => !good || good.has(s.id)).map((s) => ({
          voterKey: `space:${s.id}`,
          label: s.name,
          userIds: s.hostUserIds.filter((id) => present.has(id)),
        }));
      }
    }
  }

  function scheduleJobs(row: ProposalRow): void {
    jobs.schedule({ guildId: row.guildId, key: closeJobKey(row.id), kind: CLOSE_JOB, dueAt: row.closesAt, payload: { proposalId: row.id } });
    const remindAt = row.closesAt - DAY;
    if (remindAt > row.openedAt) {
      jobs.schedule({
        guildId: row.guildId,
        key: reminderJobKey(row.id),
        kind: REMINDER_JOB,
        dueAt: remindAt,
        expiresAt: row.closesAt,
        payload: { proposalId: row.id },
      });
    }
  }

  function cancelJobs(row: ProposalRow): void {
    jobs.cancel(closeJobKey(row.id));
    jobs.cancel(reminderJobKey(row.id));
  }

  /** The decision goes onto the agenda item as a sentence by key, said in each reader's language when read. */
  function writeBack(row: ProposalRow, decision: MessageRef): boolean | null {
    if (row.agendaItemId === null || !deps.agenda) return null;
    try {
      deps.agenda.recordItemDecision(row.guildId, row.agendaItemId, decision);
      return true;
    } catch {
      return false;
    }
  }

  return {
    /** Checks the command options before the modal opens, so mistakes surface at once. */
    plan,

    /** Checks the options (see plan) and parks them for the form, whose custom id then carries only the draft's id. */
    draft(actor: Actor, input: CreateProposalInput, language: Language = 'en'): { draftId: number; plan: ProposalPlan } {
      const checked = plan(actor, input, language);
      const now = clock.now().getTime();
      deps.drafts.dropExpired(now);
      const draftId = deps.drafts.park(actor.guildId, actor.userId, { ...checked.input }, now + PROPOSAL_DRAFT_TTL_MS);
      return { draftId, plan: checked };
    },

    /**
     * The options parked by draft(), for the member who parked them. They stay until the proposal opens (see
     * dropDraft), so a form refused for a bad text can be sent again.
     */
    drafted(actor: Actor, draftId: number): CreateProposalInput {
      const options = deps.drafts.get(actor.guildId, actor.userId, draftId, clock.now().getTime());
      if (!options) throw notFound(msg('proposals.error.formExpired'));
      return parse(options);
    },

    /** The proposal opened from this draft: the same form sent again opens nothing more. */
    dropDraft(actor: Actor, draftId: number): void {
      deps.drafts.drop(actor.guildId, actor.userId, draftId);
    },

    /** Opens a proposal: rule, quorum, deadline and eligible voters are fixed now. */
    create(actor: Actor, input: CreateProposalInput & { ruleChange?: RuleChange }, people: GuildPeople, language: Language = 'en'): ProposalView {
      const p = plan(actor, input, language);
      if (!p.input.summary) throw invalid('summary', msg('validation.required', { field: 'summary' }));
      const units = electorate(actor.guildId, p, people);
      if (units.length === 0) throw invalid('voters', msg('proposals.error.noElectorate'));
      const row = deps.transaction(() => {
        const inserted = repo.insert(
          actor.guildId,
          {
            type: p.input.type,
            title: p.input.title,
            summary: p.input.summary!,
            need: p.input.need ?? null,
            audience: p.input.audience ?? null,
            measure: p.input.measure ?? null,
            authorId: actor.userId,
            rule: p.rule,
            thresholdNum: p.thresholdNum,
            thresholdDen: p.thresholdDen,
            quorum: p.quorum,
            voters: p.voters,
            voterRoleId: p.voterRoleId,
            eligibleCount: units.length,
            anonymous: p.input.anonymous,
            hideResults: p.input.hideResults,
            openedAt: clock.now().getTime(),
            closesAt: p.closesAt,
            agendaItemId: p.agendaItem?.id ?? null,
            ruleChange: input.ruleChange ?? null,
          },
          units,
        );
        scheduleJobs(inserted);
        return inserted;
      });
      return toView(repo, row);
    },

    /** Remembers where the proposal was posted (the reaction listener finds it by message id). */
    attachMessage(guildId: string, id: number, where: { channelId: string; messageId: string; threadId: string | null }): void {
      mustGet(guildId, id);
      repo.update(guildId, id, where);
    },

    /** Removes a proposal whose post failed, so nothing half-made stays behind. */
    abandon(guildId: string, id: number): void {
      const row = repo.get(guildId, id);
      if (!row || row.messageId) return;
      deps.transaction(() => {
        cancelJobs(row);
        repo.remove(guildId, id);
      });
    },

    /** The author before any vote; an organizer at any time while it is open. */
    withdraw(actor: Actor, id: number): ClosedProposal {
      const row = mustGet(actor.guildId, id);
      if (row.status !== 'open') throw conflict(msg('proposals.error.alreadyDone', { number: row.number, status: row.status }));
      const isAuthor = row.authorId === actor.userId;
      if (!actor.isOrganizer) {
        if (!isAuthor) throw forbidden(msg('proposals.error.withdrawNotAuthor'));
        if (repo.eventCount(actor.guildId, id) > 0) {
          throw forbidden(msg('proposals.error.withdrawAfterVotes'));
        }
      }
      deps.transaction(() => {
        repo.update(actor.guildId, id, { status: 'withdrawn', closedAt: clock.now().getTime(), closedBy: actor.userId });
        cancelJobs(row);
        if (row.anonymous) repo.eraseVoters(actor.guildId, id);
      });
      const agendaUpdated = writeBack(row, msg('proposals.agendaDecision.withdrawn', { number: row.number }));
      return { proposal: toView(repo, mustGet(actor.guildId, id)), announcementsChannelId: alliances.settings(actor.guildId).announcementsChannelId, agendaUpdated };
    },

    /**
     * Closes with the result. `actor` null is the deadline job (only once the deadline has passed); an actor closes
     * early and must be an organizer. Counts are frozen on the proposal so the record never changes afterwards.
     */
    close(guildId: string, id: number, actor: Actor | null): ClosedProposal {
      const row = mustGet(guildId, id);
      if (row.status !== 'open') throw conflict(msg('proposals.error.alreadyDone', { number: row.number, status: row.status }));
      const now = clock.now().getTime();
      if (actor && !actor.isOrganizer) throw forbidden(msg('proposals.error.closeOrganizersOnly'));
      if (!actor && now < row.closesAt) throw conflict(msg('proposals.error.notDueYet', { number: row.number }));
      const tally = tallyOf(repo, row);
      deps.transaction(() => {
        repo.update(guildId, id, {
          status: 'closed',
          outcome: tally.outcome,
          closedAt: now,
          closedBy: actor?.userId ?? null,
          yesCount: tally.counts.yes,
          noCount: tally.counts.no,
          abstainCount: tally.counts.abstain,
          blockCount: tally.counts.block,
        });
        cancelJobs(row);
        if (row.ruleChange && tally.outcome === 'passed') rules.applyChange(guildId, row.ruleChange, row.authorId);
        // A secret ballot keeps only its counts once closed.
        if (row.anonymous) repo.eraseVoters(guildId, id);
      });
      const c = tally.counts;
      const withBlock = row.rule === 'consensus' || row.rule === 'consent' ? 'yes' : 'no';
      const agendaUpdated = writeBack(
        row,
        msg('proposals.agendaDecision.closed', { outcome: tally.outcome, number: row.number, yes: c.yes, no: c.no, abstain: c.abstain, block: c.block, withBlock }),
      );
      return { proposal: toView(repo, mustGet(guildId, id)), announcementsChannelId: alliances.settings(guildId).announcementsChannelId, agendaUpdated };
    },

    get(guildId: string, id: number): ProposalView {
      return toView(repo, mustGet(guildId, id));
    },

    byMessage(guildId: string, messageId: string): ProposalView | null {
      const row = repo.byMessage(guildId, messageId);
      return row ? toView(repo, row) : null;
    },

    list(guildId: string, status: 'open' | 'closed', page = 0, pageSize = 10): { items: ProposalView[]; total: number } {
      const scope = status === 'open' ? 'open' : 'decided';
      return {
        items: repo.list(guildId, scope, pageSize, page * pageSize).map((r) => toView(repo, r)),
        total: repo.count(guildId, scope),
      };
    },

    /** Autocomplete: title words or the #number (the Discord layer words each one). */
    search(guildId: string, query: string, status: 'open' | null = null, limit = 25): Pick<ProposalRow, 'id' | 'number' | 'title' | 'status'>[] {
      return repo.search(guildId, query.trim().slice(0, 100), status, limit).map((r) => ({ id: r.id, number: r.number, title: r.title, status: r.status }));
    },

    /** Open proposals of every alliance, soonest deadline first (start-up reconciliation). */
    allOpen(): ProposalView[] {
      return repo.allOpen().map((r) => toView(repo, r));
    },

    /** Agenda items that can become proposals (autocomplete for from-item). */
    agendaItems(guildId: string, query: string): { id: number; label: string }[] {
      return deps.agenda?.agendaItemsForProposal(guildId, query, 25) ?? [];
    },
  };
}

export type ProposalsService = ReturnType<typeof createProposalsService>;
