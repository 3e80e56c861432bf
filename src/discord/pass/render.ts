// Every sentence members read about the alliance pass: issued passes (with a printable card), a holder's passes,
// check-ins, the month's visits, space terms on profiles and directory lines.
import { AttachmentBuilder, EmbedBuilder } from 'discord.js';
import { formatCode } from '../../pass/pass.rules.js';
import type { CheckinResult, PassView, VisitsReport } from '../../pass/pass.service.js';
import { escapeMarkdown, truncate, userMention } from '../format.js';
import { fitEmbeds } from '../fit.js';
import { dayInWords, monthInWords, plural } from './calendar.js';

const COLOR = 0x14b8a6;

const holder = (p: { holderUserId: string | null; holderName: string | null }) =>
  p.holderUserId ? userMention(p.holderUserId) : p.holderName ? escapeMarkdown(p.holderName) : 'a former member';

const STATE_WORDS = { usable: '', expired: ' · **expired**', used_up: ' · **used up**' } as const;

function passLine(p: PassView): string {
  return `\`${formatCode(p.code)}\` · ${plural(p.left, 'visit')} left of ${p.visits} · valid until ${dayInWords(p.validUntil)}${STATE_WORDS[p.state]}`;
}

/** The organizer's private answer to /pass issue; for someone outside Discord, a card to print or forward. */
export function renderIssued(p: PassView) {
  const card = new EmbedBuilder()
    .setColor(COLOR)
    .setTitle(`Alliance pass ${formatCode(p.code)}`)
    .setDescription(truncate(`For ${holder(p)}\n${plural(p.visits, 'visit')} at any space that accepts the pass (see /directory).\nValid until ${dayInWords(p.validUntil)}.\nShow this code at the front desk: **${formatCode(p.code)}**`, 4096));
  if (p.note) card.setFooter({ text: truncate(p.note, 200) });
  const content = p.holderUserId
    ? `🎫 Pass issued to ${holder(p)}. They see it with /pass mine.`
    : `🎫 Pass issued to ${holder(p)}. Print or forward the card below: the code is all they need.`;
  return { content, embeds: [card] };
}

/** The DM a member gets when a pass is issued to them. */
export function renderIssuedDm(p: PassView) {
  return { content: `🎫 You have an alliance pass: ${plural(p.visits, 'visit')}, valid until ${dayInWords(p.validUntil)}. Your code is **${formatCode(p.code)}**; \`/pass mine\` shows it any time.` };
}

export function renderMine(passes: readonly PassView[]) {
  if (!passes.length) return { content: 'You hold no alliance pass. Organizers issue them with /pass issue.' };
  return { embeds: fitEmbeds(passes.map(passLine), { title: passes.length === 1 ? 'Your alliance pass' : `Your ${passes.length} alliance passes`, color: COLOR, footer: 'Show the code (or just say your name) at the front desk.' }) };
}

export function renderCheckin(result: CheckinResult): string {
  const who = holder(result.pass);
  const left = `${plural(result.pass.left, 'visit')} left, valid until ${dayInWords(result.pass.validUntil)}`;
  const space = escapeMarkdown(result.spaceName);
  return result.already
    ? `☑️ ${who} was already checked in at **${space}** today: nothing more was counted (${left}).`
    : `✅ Visit recorded for ${who} at **${space}** (pass \`${formatCode(result.pass.code)}\`): ${left}.`;
}

export function renderVisits(report: VisitsReport) {
  const title = `Pass visits · ${monthInWords(report.month)} · ${plural(report.total, 'visit')}`;
  if (report.total === 0) return { content: `No pass visits in ${monthInWords(report.month)}.` };
  const share = (n: number) => `${Math.round((n / report.total) * 1000) / 10}%`;
  const lines = [
    '**Per space**',
    ...report.bySpace.map((s) => `• ${escapeMarkdown(truncate(s.spaceName, 80))}: ${plural(s.visits, 'visit')} (${share(s.visits)})`),
    '',
    '**Per pass**',
    ...report.byPass.map((p) => `• \`${formatCode(p.code)}\` ${holder(p)}: ${plural(p.visits, 'visit')}`),
  ];
  return { embeds: fitEmbeds(lines, { title, color: COLOR, moreHint: 'the full list is in /pass export' }) };
}

export function exportAttachment(csv: string): AttachmentBuilder {
  return new AttachmentBuilder(Buffer.from(csv, 'utf8'), { name: 'pass-visits.csv' });
}

export const EXPORT_TEXT = 'Every pass visit, one row each, as CSV.';

/** The "Alliance pass" field of /space show (null when the space says nothing about it). */
export function passField(terms: { accepts: boolean; terms: string | null } | null): { name: string; value: string } | null {
  if (!terms) return null;
  const value = terms.accepts ? `🎫 Accepted${terms.terms ? `: ${escapeMarkdown(terms.terms)}` : ''}` : 'Not accepted';
  return { name: 'Alliance pass', value: truncate(value, 1024) };
}

export function renderTermsSaved(name: string, terms: { accepts: boolean; terms: string | null }): string {
  return terms.accepts ? `✅ **${escapeMarkdown(name)}** accepts the alliance pass now.` : `✅ **${escapeMarkdown(name)}** no longer accepts the alliance pass.`;
}

/** Marker on a directory result line for a space that takes the pass. */
export const PASS_MARK = '🎫 alliance pass';
