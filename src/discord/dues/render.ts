// What /dues shows in Discord: the status embed (a host's spaces with recent ledger lines, or every space worst
// first for organizers), the CSV attachment, and the reminder DMs. Sentences come from src/dues/dues.text.ts.
import { AttachmentBuilder, type APIEmbed } from 'discord.js';
import type { DuesEntryView, SpaceStatus, StatusReport } from '../../dues/dues.service.js';
import { planSentence, STANDING_LABEL, text } from '../../dues/dues.text.js';
import type { DuesReminder } from '../../dues/dues-reminders.service.js';
import { formatMoney } from '../../dues/money.rules.js';
import { escapeMarkdown, truncate } from '../format.js';

/** The sentences /dues answers with: the feature's one word list (src/dues/dues.text.ts), reached through this renderer. */
export { text as duesReplies } from '../../dues/dues.text.js';

const COLOR = { good: 0x16a34a, mixed: 0xf59e0b, bad: 0xdc2626 };
const DESCRIPTION_MAX = 4000;

function spaceLine(s: SpaceStatus, currency: string | null): string {
  const parts = [`**${truncate(escapeMarkdown(s.spaceName), 80)}**`, STANDING_LABEL[s.standing]];
  if (s.standing !== 'no-plan' || s.paidThrough) parts.push(text.paidThrough(s.paidThrough));
  if (s.standing === 'paid' && s.nextDueOn) parts.push(text.nextDue(s.nextDueOn));
  if (currency && s.owedMinor > 0) parts.push(text.owed(formatMoney(s.owedMinor, currency)));
  if (s.standing === 'grace' && s.overdueFrom) parts.push(text.overdueFrom(s.overdueFrom));
  return parts.join(' · ');
}

function entryLine(e: DuesEntryView): string {
  return text.entryLine({ ...e, amount: formatMoney(e.amountMinor, e.currency) });
}

export function renderStatus(report: StatusReport): { content?: string; embeds: APIEmbed[] } {
  if (report.spaces.length === 0) return { content: text.noSpaces(report.everySpace), embeds: [] };
  const currency = report.plan?.currency ?? null;
  const good = report.spaces.filter((s) => s.inGoodStanding).length;
  const header = [report.plan ? `${planSentence(report.plan)}.` : text.noPlan, text.statusSummary(good, report.spaces.length)].join('\n');
  const lines: string[] = [];
  let length = header.length + 2;
  for (const [index, space] of report.spaces.entries()) {
    const line = spaceLine(space, currency);
    const rest = report.spaces.length - index;
    // Keep room for the "…and N more" line so the embed always stays within Discord's limit.
    if (length + line.length + 1 > DESCRIPTION_MAX - 120) {
      lines.push(text.moreSpaces(rest));
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  const fields = report.spaces
    .filter((s) => s.entries.length > 0)
    .slice(0, 3)
    .map((s) => ({ name: truncate(escapeMarkdown(s.spaceName), 200), value: truncate(s.entries.map(entryLine).join('\n'), 1024) }));
  const color = good === report.spaces.length ? COLOR.good : good === 0 ? COLOR.bad : COLOR.mixed;
  return { embeds: [{ title: text.statusTitle(report.everySpace), description: `${header}\n\n${lines.join('\n')}`, color, fields }] };
}

export function ledgerFile(csv: string, today: string): AttachmentBuilder {
  return new AttachmentBuilder(Buffer.from(csv, 'utf8'), { name: `dues-ledger-${today}.csv` });
}

/** The DM (or private-thread message) a host gets. */
export function reminderText(reminder: DuesReminder): string {
  const amount = formatMoney(reminder.owedMinor, reminder.plan.currency);
  const name = escapeMarkdown(reminder.spaceName);
  return reminder.kind === 'dues-overdue' ? text.overdue(name, amount, reminder.dueOn) : text.dueSoon(name, amount, reminder.dueOn);
}
