// Dues use cases: set the plan, record payments and reversing corrections (organizers), read standing (hosts their
// own spaces, organizers every space), export the ledger, and each host's reminder switch. Plain data in and out.
import { z } from 'zod';
import { DUES_PERIODS } from '../db/schema/index.js';
import { columnId, writeCsv, type ColumnName } from '../shared/csv.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { conflict, forbidden, invalid, invalidFields, notFound, problem, type FieldProblem } from '../shared/errors.js';
import { issueProblem } from '../shared/validate.js';
import type { DuesSpace, DuesSpacesPort } from './dues.ports.js';
import type { DuesEntryRow, DuesPlanRow, DuesRepo } from './dues.repo.js';
import { problems } from './dues.problems.js';
import { decimalString, parseAmount, parseCurrency } from './money.rules.js';
import { addDays, defaultCoversUntil, localDate, parseDate, standingOn, STANDING_ORDER, type PlanTerms, type SpaceStanding } from './standing.rules.js';

export const DEFAULT_GRACE_DAYS = 14;
export const MAX_GRACE_DAYS = 90;
/** Dates further than this from today are refused as typos (a payment from 1926, a plan starting in 2062). */
const FAR_DAYS = 10 * 366;

const noteSchema = z.string().trim().refine((v) => v.length <= 300, { message: 'dues.errors.noteLength', params: { max: 300 } }).optional().transform((v) => (v ? v : undefined));

export const planInputSchema = z.object({
  amount: z.string().max(20, 'dues.errors.tooLong'),
  currency: z.string().max(10, 'dues.errors.currencyLength'),
  period: z.enum(DUES_PERIODS, { error: 'dues.errors.period' }),
  graceDays: z.number().refine((n) => Number.isInteger(n) && n >= 0 && n <= MAX_GRACE_DAYS, { message: 'dues.errors.graceDays', params: { max: MAX_GRACE_DAYS } }).optional(),
  starts: z.string().max(20, 'dues.errors.dateFormat').optional(),
});
/** As the command reads it: the period is checked against the list here, not cast by the adapter. */
export type PlanInput = Omit<z.input<typeof planInputSchema>, 'period'> & { period: string };

export const recordInputSchema = z.object({
  spaceId: z.number({ error: 'dues.errors.space' }).int('dues.errors.space').positive('dues.errors.space'),
  amount: z.string().max(20, 'dues.errors.tooLong'),
  paidOn: z.string().max(20, 'dues.errors.dateFormat').optional(),
  coversUntil: z.string().max(20, 'dues.errors.dateFormat').optional(),
  note: noteSchema,
});
export type RecordInput = z.input<typeof recordInputSchema>;

export const correctInputSchema = z.object({
  entry: z.number({ error: 'dues.errors.entry' }).int('dues.errors.entry').positive('dues.errors.entry'),
  note: noteSchema,
});
export type CorrectInput = z.input<typeof correctInputSchema>;

/** One collator for every sort by name (String.localeCompare builds one per call: slow over 500 spaces). */
const byName = new Intl.Collator('en').compare;

const FIELD_NAMES: Record<string, string> = { graceDays: 'grace-days', spaceId: 'space', paidOn: 'paid-on', coversUntil: 'covers-until' };

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidFields(parsed.error.issues.map((issue) => issueProblem(issue, FIELD_NAMES[String(issue.path[0])] ?? String(issue.path[0]))));
}

export interface DuesPlanView extends PlanTerms {
  createdAt: number;
}

export interface SpaceStatus extends SpaceStanding {
  spaceId: number;
  spaceName: string;
  /** The newest ledger entries of the space, newest first (for a single space's status). */
  entries: DuesEntryView[];
}

export interface DuesEntryView {
  number: number;
  kind: DuesEntryRow['kind'];
  spaceName: string;
  amountMinor: number;
  currency: string;
  paidOn: string;
  coversUntil: string;
  note: string | null;
  reversesNumber: number | null;
  reversedBy: number | null;
}

export interface StatusReport {
  plan: DuesPlanView | null;
  today: string;
  spaces: SpaceStatus[];
  /** True when the caller sees every space (organizers). */
  everySpace: boolean;
}

function toPlan(row: DuesPlanRow | null): DuesPlanView | null {
  if (!row) return null;
  return { amountMinor: row.amountMinor, currency: row.currency, period: row.period, graceDays: row.graceDays, startsOn: row.startsOn, createdAt: row.createdAt };
}

export interface DuesServiceDeps {
  repo: DuesRepo;
  clock: Clock;
  spaces: DuesSpacesPort;
  timezone(guildId: string): string;
  transaction: <T>(work: () => T) => T;
  /** Called after the plan (no space) or a space's ledger changed, so reminder jobs follow at once. */
  changed?(guildId: string, spaceId?: number): void;
}

export function createDuesService(deps: DuesServiceDeps) {
  const { repo, clock } = deps;

  function today(guildId: string): string {
    return localDate(clock.now(), deps.timezone(guildId));
  }

  function requireOrganizer(actor: Actor, what: Parameters<typeof problems.organizersOnly>[0]): void {
    if (!actor.isOrganizer) throw forbidden(problems.organizersOnly(what));
  }

  /** A typed date, refused when it is not a real day or is more than ten years from today. */
  function dateOption(field: string, text: string, todayIs: string, found: FieldProblem[], latest = addDays(todayIs, FAR_DAYS)): string | null {
    const date = parseDate(text);
    if (!date) {
      found.push(problem(field, problems.dateFormat(field)));
      return null;
    }
    if (date < addDays(todayIs, -FAR_DAYS) || date > latest) {
      found.push(problem(field, problems.dateTooFar(field, date > todayIs)));
      return null;
    }
    return date;
  }

  /** Standing of the given spaces (default: every approved space) on a day (default: today). */
  function standingsOf(guildId: string, on?: string, only?: readonly { id: number }[]): { plan: DuesPlanView | null; today: string; bySpace: Map<number, SpaceStanding> } {
    const plan = toPlan(repo.plan(guildId));
    const day = on ?? today(guildId);
    const spaces = only ?? deps.spaces.approvedSpaces(guildId);
    const paid = repo.paidThrough(guildId, spaces.map((s) => s.id));
    const bySpace = new Map<number, SpaceStanding>();
    // Most spaces share a paid-through day (they pay the same periods): decide each distinct day once.
    const byDay = new Map<string | null, SpaceStanding>();
    for (const space of spaces) {
      const through = paid.get(space.id) ?? null;
      let standing = byDay.get(through);
      if (!standing) byDay.set(through, (standing = standingOn(plan, through, day)));
      bySpace.set(space.id, standing);
    }
    return { plan, today: day, bySpace };
  }

  function entryView(row: DuesEntryRow & { reversedBy?: number | null }, numbers: Map<number, number>): DuesEntryView {
    return {
      number: row.number,
      kind: row.kind,
      spaceName: row.spaceName,
      amountMinor: row.amountMinor,
      currency: row.currency,
      paidOn: row.paidOn,
      coversUntil: row.coversUntil,
      note: row.note,
      reversesNumber: row.reversesId === null ? null : (numbers.get(row.reversesId) ?? null),
      reversedBy: row.reversedBy ?? null,
    };
  }

  function hostedBy(actor: Actor): { id: number; name: string }[] {
    if (deps.spaces.spacesHostedBy) return deps.spaces.spacesHostedBy(actor.guildId, actor.userId);
    return deps.spaces.approvedSpaces(actor.guildId).filter((s) => s.hostUserIds.includes(actor.userId));
  }

  function spaceOf(guildId: string, spaceId: number): DuesSpace {
    const space = deps.spaces.approvedSpaces(guildId).find((s) => s.id === spaceId);
    if (!space) throw invalid('space', problems.space);
    return space;
  }

  return {
    today,

    plan(guildId: string): DuesPlanView | null {
      return toPlan(repo.plan(guildId));
    },

    /** Sets (or replaces) what each member space owes per period; the newest plan is the one in force. */
    setPlan(actor: Actor, raw: PlanInput): DuesPlanView {
      requireOrganizer(actor, 'plan');
      const input = parse(planInputSchema, raw);
      const found: FieldProblem[] = [];
      const currency = parseCurrency(input.currency);
      if (!currency.ok) found.push(problem('currency', problems.currency));
      const amount = currency.ok ? parseAmount(input.amount, currency.value) : null;
      if (amount && !amount.ok) found.push(problem('amount', problems.amount(amount.problem)));
      const todayIs = today(actor.guildId);
      const [y, m] = todayIs.split('-');
      const startsOn = input.starts === undefined ? `${y}-${m}-01` : dateOption('starts', input.starts, todayIs, found, addDays(todayIs, 2 * 366));
      if (found.length || !currency.ok || !amount?.ok || !startsOn) throw invalidFields(found);
      const row = repo.insertPlan(actor.guildId, {
        amountMinor: amount.value,
        currency: currency.value,
        period: input.period,
        graceDays: input.graceDays ?? DEFAULT_GRACE_DAYS,
        startsOn,
        createdBy: actor.userId,
        createdAt: clock.now().getTime(),
      });
      deps.changed?.(actor.guildId);
      return toPlan(row)!;
    },

    /** Appends a payment; without covers-until it covers whole periods from the first unpaid one. */
    record(actor: Actor, raw: RecordInput): { entry: DuesEntryView; status: SpaceStanding; spaceName: string } {
      requireOrganizer(actor, 'record');
      const input = parse(recordInputSchema, raw);
      const plan = toPlan(repo.plan(actor.guildId));
      if (!plan) throw invalid('plan', problems.noPlanYet);
      const space = spaceOf(actor.guildId, input.spaceId);
      const found: FieldProblem[] = [];
      const amount = parseAmount(input.amount, plan.currency);
      if (!amount.ok) found.push(problem('amount', problems.amount(amount.problem, plan.currency)));
      const todayIs = today(actor.guildId);
      const paidOn = input.paidOn === undefined ? todayIs : dateOption('paid-on', input.paidOn, todayIs, found, addDays(todayIs, 1));
      const typedCoversUntil = input.coversUntil === undefined ? null : dateOption('covers-until', input.coversUntil, todayIs, found);
      if (found.length || !amount.ok || !paidOn) throw invalidFields(found);
      return deps.transaction(() => {
        // Read inside the transaction: what the payment covers follows from the ledger as it is now.
        const coversUntil = typedCoversUntil ?? defaultCoversUntil(plan, repo.paidThroughOf(actor.guildId, space.id), amount.value);
        if (!coversUntil) throw invalid('covers-until', problems.notWholePeriods);
        const row = repo.append(actor.guildId, {
          kind: 'payment',
          spaceId: space.id,
          spaceName: space.name,
          amountMinor: amount.value,
          currency: plan.currency,
          paidOn,
          coversUntil,
          note: input.note ?? null,
          reversesId: null,
          recordedBy: actor.userId,
          recordedAt: clock.now().getTime(),
        });
        const after = repo.paidThroughOf(actor.guildId, space.id);
        deps.changed?.(actor.guildId, space.id);
        return { entry: entryView(row, new Map()), status: standingOn(plan, after, todayIs), spaceName: space.name };
      });
    },

    /** Cancels a payment with a reversing entry (the ledger is never edited). */
    correct(actor: Actor, raw: CorrectInput): { reversal: DuesEntryView; status: SpaceStanding } {
      requireOrganizer(actor, 'correct');
      const input = parse(correctInputSchema, raw);
      return deps.transaction(() => {
        const target = repo.entryByNumber(actor.guildId, input.entry);
        if (!target) throw notFound(problems.noSuchEntry(input.entry));
        if (target.kind !== 'payment') throw invalid('entry', problems.reversalOfReversal(input.entry));
        const already = repo.reversalOf(actor.guildId, target.id);
        if (already) throw conflict(problems.alreadyCorrected(input.entry, already.number));
        const row = repo.append(actor.guildId, {
          kind: 'reversal',
          spaceId: target.spaceId,
          spaceName: target.spaceName,
          amountMinor: -target.amountMinor,
          currency: target.currency,
          paidOn: target.paidOn,
          coversUntil: target.coversUntil,
          note: input.note ?? null,
          reversesId: target.id,
          recordedBy: actor.userId,
          recordedAt: clock.now().getTime(),
        });
        deps.changed?.(actor.guildId, target.spaceId);
        const plan = toPlan(repo.plan(actor.guildId));
        const status = standingOn(plan, repo.paidThroughOf(actor.guildId, target.spaceId), today(actor.guildId));
        return { reversal: entryView(row, new Map([[target.id, target.number]])), status };
      });
    },

    /** Hosts see their own spaces; organizers every space (or one), worst standing first unless sorted by name. */
    status(actor: Actor, options: { spaceId?: number; sort?: 'standing' | 'name' } = {}): StatusReport {
      let shown: { id: number; name: string }[] = actor.isOrganizer ? deps.spaces.approvedSpaces(actor.guildId) : hostedBy(actor);
      if (options.spaceId !== undefined) {
        const one = shown.find((s) => s.id === options.spaceId);
        if (!one) {
          if (deps.spaces.approvedSpaces(actor.guildId).some((s) => s.id === options.spaceId)) throw forbidden(problems.notYourSpace);
          throw invalid('space', problems.space);
        }
        shown = [one];
      }
      const { plan, today: day, bySpace } = standingsOf(actor.guildId, undefined, shown);
      const spaces: SpaceStatus[] = shown.map((s) => ({ spaceId: s.id, spaceName: s.name, ...bySpace.get(s.id)!, entries: [] }));
      if (shown.length <= 3) {
        // A host's few spaces (or one space) come with their recent ledger lines.
        const ledger = repo.ledger(actor.guildId, shown.map((s) => s.id));
        const numbers = new Map(ledger.map((e) => [e.id, e.number]));
        for (const space of spaces) {
          space.entries = ledger.filter((e) => e.spaceId === space.spaceId).reverse().slice(0, 5).map((e) => entryView(e, numbers));
        }
      }
      if (options.sort === 'name') spaces.sort((a, b) => byName(a.spaceName, b.spaceName));
      else spaces.sort((a, b) => STANDING_ORDER[a.standing] - STANDING_ORDER[b.standing] || byName(a.spaceName, b.spaceName));
      return { plan, today: day, spaces, everySpace: actor.isOrganizer };
    },

    /** The whole ledger as CSV (organizers), formula-like cells defused; `columnName` names the header's columns. */
    exportCsv(actor: Actor, columnName: ColumnName = columnId): { csv: string; entries: number } {
      requireOrganizer(actor, 'export');
      const ledger = repo.ledger(actor.guildId);
      const numbers = new Map(ledger.map((e) => [e.id, e.number]));
      const rows = ledger.map((e) => [
        e.number, e.kind, e.spaceId, e.spaceName, decimalString(e.amountMinor, e.currency), e.amountMinor, e.currency, e.paidOn, e.coversUntil,
        e.reversesId === null ? null : (numbers.get(e.reversesId) ?? null), e.reversedBy, e.note, new Date(e.recordedAt).toISOString(),
      ]);
      const header = ['entry', 'kind', 'space_id', 'space', 'amount', 'amount_minor', 'currency', 'paid_on', 'covers_until', 'reverses_entry', 'reversed_by_entry', 'note', 'recorded_at'];
      return { csv: writeCsv(header.map(columnName), rows), entries: ledger.length };
    },

    /** A host switches their dues reminders on or off (for every space they host). */
    setReminders(actor: Actor, on: boolean): { on: boolean; hostsSpaces: boolean } {
      repo.setReminders(actor.guildId, actor.userId, !on, clock.now().getTime());
      const hostsSpaces = hostedBy(actor).length > 0;
      return { on, hostsSpaces };
    },

    /** Ids of the member spaces in good standing today: the electorate of voters:spaces-in-good-standing. */
    spacesInGoodStanding(guildId: string): Set<number> {
      const { bySpace } = standingsOf(guildId);
      return new Set([...bySpace].filter(([, s]) => s.inGoodStanding).map(([id]) => id));
    },

    /** For the organizers' line of the monthly update: null when the alliance has no dues plan. */
    goodStandingCount(guildId: string): { good: number; total: number; overdue: number } | null {
      const { plan, bySpace } = standingsOf(guildId);
      if (!plan) return null;
      const all = [...bySpace.values()];
      return { good: all.filter((s) => s.inGoodStanding).length, total: all.length, overdue: all.filter((s) => s.standing === 'overdue').length };
    },

    standingsOf,

    /** Privacy: the member's id leaves the ledger (entries stay as the space's records) and their preference goes. */
    forgetMember(guildId: string, userId: string) {
      return repo.forgetMember(guildId, userId);
    },
  };
}

export type DuesService = ReturnType<typeof createDuesService>;
