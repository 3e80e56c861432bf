// What /dues shows in Discord, in the reader's language: the replies (plan saved, payment recorded, corrections,
// reminders switch), the status embed (a host's spaces with recent ledger lines, or every space worst first for
// organizers), the CSV attachment, the reminder DMs and the organizers' line of the monthly update.
import { AttachmentBuilder, type APIEmbed } from 'discord.js';
import type { DuesPeriod } from '../../db/schema/index.js';
import type { DuesEntryView, DuesPlanView, SpaceStatus, StatusReport } from '../../dues/dues.service.js';
import type { DuesReminder } from '../../dues/dues-reminders.service.js';
import { formatMoney } from '../../dues/money.rules.js';
import type { Standing } from '../../dues/standing.rules.js';
import type { Say } from '../../i18n/translate.js';
import { dayInWords } from '../../shared/day-words.js';
import type { Language } from '../../shared/languages.js';
import { escapeMarkdown, truncate } from '../format.js';
import { csvFile } from '../csv-file.js';

const COLOR = { good: 0x16a34a, mixed: 0xf59e0b, bad: 0xdc2626 };
const DESCRIPTION_MAX = 4000;

/** A reader: the words and the language (dates and money follow it). */
export interface Speech {
  say: Say;
  language: Language;
}

type PlanTerms = { amountMinor: number; currency: string; period: DuesPeriod; graceDays: number; startsOn: string };

function standingLabel(say: Say, standing: Standing): string {
  return say(`dues.standing.${standing}`);
}

function planValues({ language }: Speech, plan: PlanTerms) {
  return { amount: formatMoney(plan.amountMinor, plan.currency, language), period: plan.period, starts: dayInWords(plan.startsOn, language), grace: plan.graceDays };
}

/** The replies of /dues, each a whole sentence from the catalogue. */
export function duesReplies(speech: Speech) {
  const { say, language } = speech;
  const day = (date: string) => dayInWords(date, language);
  return {
    planSaved: (plan: PlanTerms) => say('dues.planSaved', planValues(speech, plan)),
    paymentRecorded: (entry: { number: number; amountMinor: number; currency: string; paidOn: string; coversUntil: string }, spaceName: string, standing: Standing) =>
      say('dues.paymentRecorded', {
        number: entry.number,
        amount: formatMoney(entry.amountMinor, entry.currency, language),
        space: spaceName,
        paidOn: day(entry.paidOn),
        coversUntil: day(entry.coversUntil),
        standing: standingLabel(say, standing),
      }),
    corrected: (number: number, reverses: number | null, standing: Standing) =>
      say('dues.corrected', { number, reverses: reverses ?? '?', standing: standingLabel(say, standing) }),
    exported: (entries: number) => say('dues.exported', { count: entries }),
    remindersOn: (hostsSpaces: boolean) => say(hostsSpaces ? 'dues.remindersOn' : 'dues.remindersOnNoSpace'),
    remindersOff: () => say('dues.remindersOff'),
  };
}

function spaceLine(speech: Speech, s: SpaceStatus, currency: string | null): string {
  const { say, language } = speech;
  const parts = [`**${truncate(escapeMarkdown(s.spaceName), 80)}**`, standingLabel(say, s.standing)];
  if (s.standing !== 'no-plan' || s.paidThrough) parts.push(s.paidThrough ? say('dues.status.paidThrough', { date: dayInWords(s.paidThrough, language) }) : say('dues.status.nothingPaid'));
  if (s.standing === 'paid' && s.nextDueOn) parts.push(say('dues.status.nextDue', { date: dayInWords(s.nextDueOn, language) }));
  if (currency && s.owedMinor > 0) parts.push(say('dues.status.owed', { amount: formatMoney(s.owedMinor, currency, language) }));
  if (s.standing === 'grace' && s.overdueFrom) parts.push(say('dues.status.overdueFrom', { date: dayInWords(s.overdueFrom, language) }));
  return parts.join(' · ');
}

function entryLine({ say, language }: Speech, e: DuesEntryView): string {
  const amount = formatMoney(e.amountMinor, e.currency, language);
  if (e.kind === 'reversal') return say('dues.entry.reversal', { number: e.number, reverses: e.reversesNumber ?? '?', amount });
  const values = { number: e.number, amount, paidOn: dayInWords(e.paidOn, language), coversUntil: dayInWords(e.coversUntil, language) };
  return e.reversedBy ? say('dues.entry.paymentReversed', { ...values, by: e.reversedBy }) : say('dues.entry.payment', values);
}

export function renderStatus(speech: Speech, report: StatusReport): { content?: string; embeds: APIEmbed[] } {
  const { say } = speech;
  if (report.spaces.length === 0) return { content: say(report.everySpace ? 'dues.noSpaces.every' : 'dues.noSpaces.host'), embeds: [] };
  const currency = report.plan?.currency ?? null;
  const good = report.spaces.filter((s) => s.inGoodStanding).length;
  const plan: DuesPlanView | null = report.plan;
  const header = [plan ? say('dues.plan.line', planValues(speech, plan)) : say('dues.noPlan'), say('dues.status.summary', { good, total: report.spaces.length })].join('\n');
  const lines: string[] = [];
  let length = header.length + 2;
  for (const [index, space] of report.spaces.entries()) {
    const line = spaceLine(speech, space, currency);
    const rest = report.spaces.length - index;
    // Keep room for the "…and N more" line so the embed always stays within Discord's limit.
    if (length + line.length + 1 > DESCRIPTION_MAX - 160) {
      lines.push(say('dues.status.more', { count: rest }));
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  const fields = report.spaces
    .filter((s) => s.entries.length > 0)
    .slice(0, 3)
    .map((s) => ({ name: truncate(escapeMarkdown(s.spaceName), 200), value: truncate(s.entries.map((e) => entryLine(speech, e)).join('\n'), 1024) }));
  const color = good === report.spaces.length ? COLOR.good : good === 0 ? COLOR.bad : COLOR.mixed;
  return { embeds: [{ title: say(report.everySpace ? 'dues.status.titleEvery' : 'dues.status.titleHost'), description: `${header}\n\n${lines.join('\n')}`, color, fields }] };
}

export function ledgerFile(csv: string, today: string): AttachmentBuilder {
  return csvFile(csv, `dues-ledger-${today}.csv`);
}

/** The DM (or private-thread message) a host gets. */
export function reminderText({ say, language }: Speech, reminder: DuesReminder): string {
  const values = { space: escapeMarkdown(reminder.spaceName), amount: formatMoney(reminder.owedMinor, reminder.plan.currency, language), dueOn: dayInWords(reminder.dueOn, language) };
  return reminder.kind === 'dues-overdue' ? say('dues.reminder.overdue', values) : say('dues.reminder.dueSoon', values);
}

/** The private thread's name for hosts who closed their DMs. */
export function reminderThreadName(say: Say, spaceName: string): string {
  return truncate(say('dues.reminder.thread', { space: spaceName }), 100);
}
