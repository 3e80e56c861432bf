// Every sentence members read about the alliance pass, in the reader's language: issued passes (with a printable
// card), a holder's passes, check-ins, the month's visits, space terms on profiles and directory lines.
import { AttachmentBuilder, EmbedBuilder } from 'discord.js';
import { formatCode } from '../../pass/pass.rules.js';
import type { CheckinResult, PassView, VisitsReport } from '../../pass/pass.service.js';
import type { Say } from '../../i18n/translate.js';
import type { Language } from '../../shared/languages.js';
import { escapeMarkdown, truncate, userMention } from '../format.js';
import { fitEmbeds } from '../fit.js';
import { dayInWords, monthInWords } from './calendar.js';
import { csvFile } from '../csv-file.js';

const COLOR = 0x14b8a6;

/** A reader: the words and the language (days and months follow it). */
export interface Speech {
  say: Say;
  language: Language;
}

const holder = (say: Say, p: { holderUserId: string | null; holderName: string | null }) =>
  p.holderUserId ? userMention(p.holderUserId) : p.holderName ? escapeMarkdown(p.holderName) : say('pass.holder.former');

function passLine({ say, language }: Speech, p: PassView): string {
  return say(`pass.line.${p.state}`, { code: formatCode(p.code), left: p.left, visits: p.visits, until: dayInWords(p.validUntil, language) });
}

/** The organizer's private answer to /pass issue; for someone outside Discord, a card to print or forward. */
export function renderIssued({ say, language }: Speech, p: PassView) {
  const code = formatCode(p.code);
  const card = new EmbedBuilder()
    .setColor(COLOR)
    .setTitle(truncate(say('pass.card.title', { code }), 256))
    .setDescription(truncate(say('pass.card.description', { holder: holder(say, p), visits: p.visits, until: dayInWords(p.validUntil, language), code }), 4096));
  if (p.note) card.setFooter({ text: truncate(p.note, 200) });
  const content = say(p.holderUserId ? 'pass.issued.member' : 'pass.issued.outside', { holder: holder(say, p) });
  return { content, embeds: [card] };
}

/** The DM a member gets when a pass is issued to them. */
export function renderIssuedDm({ say, language }: Speech, p: PassView) {
  return { content: say('pass.dm', { visits: p.visits, until: dayInWords(p.validUntil, language), code: formatCode(p.code) }) };
}

export function renderMine(speech: Speech, passes: readonly PassView[]) {
  const { say } = speech;
  if (!passes.length) return { content: say('pass.mine.none') };
  return { embeds: fitEmbeds(passes.map((p) => passLine(speech, p)), { say, title: say('pass.mine.title', { count: passes.length }), color: COLOR, footer: say('pass.mine.footer') }) };
}

export function renderCheckin({ say, language }: Speech, result: CheckinResult): string {
  const values = {
    who: holder(say, result.pass),
    space: escapeMarkdown(result.spaceName),
    code: formatCode(result.pass.code),
    left: result.pass.left,
    until: dayInWords(result.pass.validUntil, language),
  };
  return say(result.already ? 'pass.checkin.already' : 'pass.checkin.done', values);
}

export function renderVisits({ say, language }: Speech, report: VisitsReport) {
  const month = monthInWords(report.month, language);
  if (report.total === 0) return { content: say('pass.visits.none', { month }) };
  const lines = [
    say('pass.visits.perSpace'),
    ...report.bySpace.map((s) => say('pass.visits.spaceLine', { space: escapeMarkdown(truncate(s.spaceName, 80)), visits: s.visits, share: s.visits / report.total })),
    '',
    say('pass.visits.perPass'),
    ...report.byPass.map((p) => say('pass.visits.passLine', { code: formatCode(p.code), holder: holder(say, p), visits: p.visits })),
  ];
  return { embeds: fitEmbeds(lines, { say, title: say('pass.visits.title', { month, total: report.total }), color: COLOR, moreHint: say('pass.visits.moreHint') }) };
}

export function exportAttachment(csv: string): AttachmentBuilder {
  return csvFile(csv, 'pass-visits.csv');
}

export function exportText(say: Say): string {
  return say('pass.export');
}

/** The "Alliance pass" field of /space show (null when the space says nothing about it). */
export function passField(say: Say, terms: { accepts: boolean; terms: string | null } | null): { name: string; value: string } | null {
  if (!terms) return null;
  const value = terms.accepts ? (terms.terms ? say('pass.field.acceptedTerms', { terms: escapeMarkdown(terms.terms) }) : say('pass.field.accepted')) : say('pass.field.notAccepted');
  return { name: say('pass.field.name'), value: truncate(value, 1024) };
}

export function renderTermsSaved(say: Say, name: string, terms: { accepts: boolean; terms: string | null }): string {
  return say(terms.accepts ? 'pass.termsSaved.accepts' : 'pass.termsSaved.not', { name: escapeMarkdown(name) });
}

/** Marker on a directory result line for a space that takes the pass. */
export function passMark(say: Say): string {
  return say('pass.mark');
}
