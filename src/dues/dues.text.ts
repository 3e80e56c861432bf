// Every sentence about dues a member reads, in one place (English): standing words, plurals, dates in words, the
// reminders, the replies to /dues and the organizers' line of the monthly update.
import type { DuesPeriod } from '../db/schema/index.js';
import { dayInWords } from '../shared/day-words.js';
import { formatMoney, type AmountProblem } from './money.rules.js';
import type { Standing } from './standing.rules.js';

const englishPlural = new Intl.PluralRules('en');

/** "1 space", "3 spaces": the plural rule decides, never a "(s)". */
export function count(n: number, one: string, other: string): string {
  return `${n} ${englishPlural.select(n) === 'one' ? one : other}`;
}

/** A calendar date in words ("Wednesday 31 March 2027"), as every feature writes a day: no time zone can move it. */
export function dateInWords(date: string): string {
  return dayInWords(date);
}

export const PERIOD_WORD: Record<DuesPeriod, string> = { monthly: 'month', quarterly: 'quarter', yearly: 'year' };

export const STANDING_LABEL: Record<Standing, string> = {
  paid: '🟢 paid up',
  grace: '🟡 due, in the grace days',
  overdue: '🔴 overdue',
  'no-plan': '⚪ no dues yet',
};

export function planSentence(plan: { amountMinor: number; currency: string; period: DuesPeriod; graceDays: number; startsOn: string }): string {
  return `${formatMoney(plan.amountMinor, plan.currency)} per ${PERIOD_WORD[plan.period]} from ${dateInWords(plan.startsOn)}, with ${count(plan.graceDays, 'grace day', 'grace days')} before a space falls out of good standing`;
}

export const text = {
  planSaved: (plan: Parameters<typeof planSentence>[0]) => `✅ Dues plan saved: ${planSentence(plan)}.`,
  noPlan: 'There is no dues plan yet: every member space is in good standing. An organizer sets one with `/dues plan`.',
  paymentRecorded: (number: number, amount: string, spaceName: string, paidOn: string, coversUntil: string, standing: Standing) =>
    `✅ Entry #${number}: ${amount} from **${spaceName}**, paid ${dateInWords(paidOn)}, covering until ${dateInWords(coversUntil)}. Standing now: ${STANDING_LABEL[standing]}.`,
  corrected: (number: number, reverses: number | null, standing: Standing) =>
    `↩️ Entry #${number} reverses entry #${reverses ?? '?'}; the ledger keeps both. Standing now: ${STANDING_LABEL[standing]}.`,
  noSpaces: (everySpace: boolean) =>
    everySpace ? 'There are no approved member spaces yet.' : 'You do not host a member space, so there are no dues to show. Organizers see every space.',
  statusTitle: (everySpace: boolean) => (everySpace ? 'Dues: every member space' : 'Dues: your spaces'),
  statusSummary: (good: number, total: number) => `${count(good, 'space', 'spaces')} of ${total} in good standing today.`,
  paidThrough: (date: string | null) => (date ? `paid through ${dateInWords(date)}` : 'nothing paid yet'),
  nextDue: (date: string) => `next due ${dateInWords(date)}`,
  owed: (amount: string) => `${amount} owed`,
  overdueFrom: (date: string) => `out of good standing from ${dateInWords(date)} if unpaid`,
  moreSpaces: (n: number) => `…and ${count(n, 'more space', 'more spaces')}: ask for one with \`/dues status space\`, or \`/dues export\`.`,
  entryLine: (e: { number: number; kind: 'payment' | 'reversal'; amount: string; paidOn: string; coversUntil: string; reversesNumber: number | null; reversedBy: number | null }) =>
    e.kind === 'reversal'
      ? `#${e.number} · reverses #${e.reversesNumber ?? '?'} · ${e.amount}`
      : `#${e.number} · ${e.amount} paid ${dateInWords(e.paidOn)}, covers until ${dateInWords(e.coversUntil)}${e.reversedBy ? ` · reversed by #${e.reversedBy}` : ''}`,
  exported: (entries: number) => `📄 The dues ledger: ${count(entries, 'entry', 'entries')}.`,
  remindersOn: (hosts: boolean) => `🔔 Dues reminders are on.${hosts ? '' : ' (You do not host a member space yet.)'}`,
  remindersOff: '🔕 Dues reminders are off. Organizers still see your spaces’ standing.',
  dueSoon: (spaceName: string, amount: string, dueOn: string) =>
    `🔔 Dues for **${spaceName}**: ${amount} is due on ${dateInWords(dueOn)}. An organizer records the payment when it arrives. (\`/dues reminders off\` stops these reminders.)`,
  overdue: (spaceName: string, amount: string, dueOn: string) =>
    `⚠️ Dues for **${spaceName}** are overdue: ${amount} was due on ${dateInWords(dueOn)}, so the space is no longer in good standing (it cannot vote where votes are by spaces in good standing). Please pay and let an organizer know. (\`/dues reminders off\` stops these reminders.)`,
  reminderThread: (spaceName: string) => `Dues · ${spaceName}`,
  updateTitle: 'Dues',
  updateLine: (good: number, total: number, overdue: number) =>
    `${count(good, 'member space is', 'member spaces are')} in good standing out of ${total}${overdue ? `; ${count(overdue, 'space is', 'spaces are')} overdue (see \`/dues status\`)` : ''}.`,
};

/** What was wrong, naming the option as the member knows it. */
export const problems = {
  amount(problem: AmountProblem): string {
    switch (problem.kind) {
      case 'not-positive':
        return 'amount must be more than zero';
      case 'format':
        return `amount must be a number like ${problem.digits === 0 ? '1250' : `1250.${'0'.repeat(problem.digits)}`} (digits, and a point for ${problem.currency} decimals)`;
      case 'decimals':
        return problem.digits === 0 ? `amount in ${problem.currency} has no decimals` : `amount in ${problem.currency} has at most ${problem.digits} decimals`;
      case 'too-large':
        return `amount must be at most ${formatMoney(problem.maxMinor, problem.currency)}`;
    }
  },
  inPlanCurrency: (message: string, currency: string) => `${message} (${currency}, the plan's currency)`,
  currency: 'currency must be an ISO 4217 code such as USD, EUR, GBP or JPY',
  currencyLength: 'currency must be an ISO 4217 code such as USD',
  tooLong: (field: string) => `${field} is too long`,
  noteLength: (max: number) => `note must be at most ${max} characters`,
  period: (periods: readonly string[]) => `period must be one of ${periods.join(', ')}`,
  graceDays: (max: number) => `grace-days must be a whole number between 0 and ${max}`,
  // The command reads words ("last friday") into year-month-day first; this guards the service's own callers.
  dateFormat: (field: string) => `${field} must be a calendar day written year-month-day (YYYY-MM-DD)`,
  dateTooFar: (field: string, future: boolean) => `${field} is too far ${future ? 'in the future' : 'in the past'}`,
  space: 'space must be an approved member space of this alliance (pick one from the list)',
  entry: 'entry must be an entry number from /dues status',
  noPlanYet: 'There is no dues plan yet: an organizer sets one with /dues plan first.',
  notWholePeriods: 'amount is not a whole number of periods: say what it pays for with covers-until',
  organizersOnly: (what: string) => `Only organizers can ${what}.`,
  noSuchEntry: (entry: number) => `There is no dues entry #${entry} in this alliance.`,
  reversalOfReversal: (entry: number) => `entry #${entry} is itself a correction; record the payment again instead`,
  alreadyCorrected: (entry: number, by: number) => `Entry #${entry} was already corrected by entry #${by}.`,
  notYourSpace: 'Only organizers and the hosts of a space can see its dues.',
};
