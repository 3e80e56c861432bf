// The idea machine as members see it, in the reader's language: the parking lot ranked by dots, the priority list,
// and the answers to parking ("looks like #12" with Add anyway), voting, promoting and the priorities commands.
import { ButtonStyle, ComponentType, EmbedBuilder, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { RankedIdea } from '../../ideas/ideas.repo.js';
import type { PrioritiesView } from '../../ideas/ideas.service.js';
import type { Proposed } from '../../meetings/duplicates.service.js';
import { t, type Say } from '../../i18n/translate.js';
import { dayInWords } from '../../shared/day-words.js';
import type { Language } from '../../shared/languages.js';
import { customId } from '../custom-id.js';
import { escapeMarkdown, truncate, userMention } from '../format.js';
import { fitEmbeds } from '../fit.js';

const COLOR = 0xf59e0b;

/** A reader: the words and the language (days follow it). */
export interface Speech {
  say: Say;
  language: Language;
}

export function renderIdeas(say: Say, list: { ideas: RankedIdea[]; dotsLeft: number }): EmbedBuilder[] {
  const lines = list.ideas.map((idea, index) =>
    say('ideas.list.line', { position: index + 1, dots: idea.dots, text: escapeMarkdown(truncate(idea.text, 150)), author: userMention(idea.authorId), id: idea.id }),
  );
  return fitEmbeds(lines.length ? lines : [say('ideas.list.empty')], {
    say,
    title: say('ideas.list.title'),
    color: COLOR,
    footer: say('ideas.list.footer', { count: list.dotsLeft }),
  });
}

export function renderPriorities({ say, language }: Speech, view: PrioritiesView): EmbedBuilder {
  const lines = view.priorities.map((p) =>
    p.targetDate
      ? say('ideas.priorities.lineTarget', { rank: p.rank, text: escapeMarkdown(p.text), target: dayInWords(p.targetDate, language) })
      : say('ideas.priorities.line', { rank: p.rank, text: escapeMarkdown(p.text) }),
  );
  if (!lines.length) lines.push(say('ideas.priorities.none'));
  if (view.refreshSuggested) lines.push('', say('ideas.priorities.refresh'));
  return new EmbedBuilder().setColor(COLOR).setTitle(say('ideas.priorities.title')).setDescription(lines.join('\n'));
}

export function parkedText(say: Say, idea: RankedIdea): string {
  return say('ideas.parked', { text: escapeMarkdown(idea.text), id: idea.id });
}

export function votedText(say: Say, idea: RankedIdea, dotsLeft: number): string {
  return say('ideas.voted', { text: escapeMarkdown(idea.text), dots: idea.dots, left: dotsLeft });
}

/** "is now on the agenda of …" / "is now priority 2". */
export function promotedText(say: Say, idea: { text: string }, to: { agendaOf: string } | { priorityRank: number }): string {
  const text = escapeMarkdown(idea.text);
  return 'agendaOf' in to ? say('ideas.promoted.agenda', { text, meeting: to.agendaOf }) : say('ideas.promoted.priority', { text, rank: to.priorityRank });
}

export const addedAnywayText = (say: Say): string => say('ideas.addedAnyway');

export const droppedText = (say: Say): string => say('ideas.dropped');

/** The "Add anyway" button under a near-duplicate answer (ideas and agenda items), labelled in the reader's language. */
export function addAnywayRow(command: 'ideas' | 'agenda', draftId: number, say?: Say): APIActionRowComponent<APIButtonComponent> {
  const label = say ? say('ideas.addAnyway') : t('en', 'ideas.addAnyway');
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: truncate(label, 80), custom_id: customId(command, 'anyway', draftId) }],
  };
}

/** The answer to /ideas add: parked (for everyone, in the alliance's words), or "looks like #12" privately. */
export function renderIdeaProposed(speakers: { say: Say; sayPublic: Say }, result: Proposed<RankedIdea>) {
  if (result.kind === 'added') return { content: parkedText(speakers.sayPublic, result.added), components: [], ephemeral: false };
  const { similar } = result;
  return {
    content: speakers.say('ideas.similar', { id: similar.id, text: escapeMarkdown(truncate(similar.text, 300)) }),
    components: [addAnywayRow('ideas', result.draftId, speakers.say)],
    ephemeral: true,
  };
}

/** The public answers of /priorities set, clear and achieved. */
export function prioritySetText(say: Say, saved: { rank: number; text: string }): string {
  return say('ideas.priorities.set', { rank: saved.rank, text: escapeMarkdown(saved.text) });
}

export function priorityClearedText(say: Say, cleared: { rank: number; text: string }): string {
  return say('ideas.priorities.cleared', { rank: cleared.rank, text: escapeMarkdown(cleared.text) });
}

export function priorityAchievedText(say: Say, done: { priority: { text: string }; refreshSuggested: boolean }): string {
  return say(done.refreshSuggested ? 'ideas.priorities.achievedAll' : 'ideas.priorities.achieved', { text: escapeMarkdown(done.priority.text) });
}
