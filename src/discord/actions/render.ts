// /actions and /participation as the member reads them, in their language: open action items, the answers to
// done and reminders, autocomplete names, and the organizers' participation report (pure: data and say in).
import type { EmbedBuilder } from 'discord.js';
import type { Say } from '../../i18n/translate.js';
import type { ActionItemRow } from '../../meetings/actions.repo.js';
import type { ParticipationReport } from '../../meetings/participation.service.js';
import { dayInWords } from '../../shared/day-words.js';
import type { Language } from '../../shared/languages.js';
import { fitEmbeds } from '../fit.js';
import { escapeMarkdown, truncate, userMention } from '../format.js';

const COLOR = 0x3b82f6;

/** The reader's words and the language their days are written in. */
export interface Reader {
  say: Say;
  language: Language;
}

/** One action item in the reader's words (also in a meeting's notes). */
export function actionLine({ say, language }: Reader, action: ActionItemRow): string {
  const values = { id: action.id, text: escapeMarkdown(truncate(action.text, 120)), owner: userMention(action.ownerId), due: dayInWords(action.dueDate, language) };
  return action.status === 'done' ? say('actions.line.done', values) : say('actions.line.open', values);
}

/** `/actions mine` or `/actions list`: every open item, as many as fit, with the way to close them. */
export function renderActionList(reader: Reader, actions: ActionItemRow[], which: 'mine' | 'all'): EmbedBuilder[] {
  const { say } = reader;
  const lines = actions.length ? actions.map((a) => actionLine(reader, a)) : [say('actions.list.empty')];
  return fitEmbeds(lines, { say, title: which === 'mine' ? say('actions.list.mineTitle') : say('actions.list.allTitle'), color: COLOR, moreHint: say('actions.list.moreHint') });
}

/** An open action in the autocomplete of `/actions done` (Discord: name ≤ 100). */
export const actionChoiceName = ({ say, language }: Reader, action: ActionItemRow) =>
  truncate(say('actions.choice', { text: action.text, due: dayInWords(action.dueDate, language) }), 100);

export const actionDone = (say: Say, action: ActionItemRow) => say('actions.done', { text: escapeMarkdown(action.text) });

export const actionReminders = (say: Say, on: boolean) => (on ? say('actions.reminders.on') : say('actions.reminders.off'));

/** `/participation report`: attendance and open actions per member since a day in words. */
export function renderParticipation({ say, language }: Reader, report: ParticipationReport): EmbedBuilder[] {
  const lines = report.members.map((row) =>
    row.openActions
      ? say('participation.line.withActions', { member: userMention(row.userId), attended: row.attended, held: report.meetingsHeld, open: row.openActions, overdue: row.overdueActions })
      : say('participation.line', { member: userMention(row.userId), attended: row.attended, held: report.meetingsHeld }),
  );
  const heading = say('participation.heading', { count: report.meetingsHeld, since: dayInWords(report.fromDay, language) });
  return fitEmbeds([heading, '', ...(lines.length ? lines : [say('participation.empty')])], {
    say,
    title: say('participation.title', { months: report.months }),
    color: COLOR,
  });
}
