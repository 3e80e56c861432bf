// The idea machine as members see it: the parking lot ranked by dots, the priority list, and the answers to
// parking ("looks like #12" with Add anyway), voting and promoting an idea.
import { ButtonStyle, ComponentType, EmbedBuilder, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { RankedIdea } from '../../ideas/ideas.repo.js';
import type { PrioritiesView } from '../../ideas/ideas.service.js';
import type { Proposed } from '../../meetings/duplicates.service.js';
import { customId } from '../custom-id.js';
import { escapeMarkdown, truncate, userMention } from '../format.js';
import { fitEmbeds } from '../fit.js';
import { dayInWords } from '../../shared/day-words.js';

const COLOR = 0xf59e0b;

export function renderIdeas(list: { ideas: RankedIdea[]; dotsLeft: number }): EmbedBuilder[] {
  const lines = list.ideas.map(
    (idea, index) => `${index + 1}. **${idea.dots}** ● ${escapeMarkdown(truncate(idea.text, 150))} · ${userMention(idea.authorId)} · #${idea.id}`,
  );
  return fitEmbeds(lines.length ? lines : ['The parking lot is empty. Park an idea with `/ideas add`.'], {
    title: 'Idea parking lot (ranked by dots)',
    color: COLOR,
    footer: `You have ${list.dotsLeft} dot${list.dotsLeft === 1 ? '' : 's'} left this month: /ideas vote`,
  });
}

export function renderPriorities(view: PrioritiesView): EmbedBuilder {
  const lines = view.priorities.map(
    (p) => `**${p.rank}.** ${escapeMarkdown(p.text)}${p.targetDate ? ` · target ${dayInWords(p.targetDate)}` : ''}`,
  );
  if (!lines.length) lines.push('No priorities set. Organizers set up to five with `/priorities set`.');
  if (view.refreshSuggested) lines.push('', '🎉 All priorities are achieved: time for a **priority refresh meeting** (`/meeting schedule`).');
  return new EmbedBuilder().setColor(COLOR).setTitle('Alliance priorities').setDescription(lines.join('\n'));
}

const dots = (n: number) => `${n} dot${n === 1 ? '' : 's'}`;

export function parkedText(idea: RankedIdea): string {
  return `💡 Parked: **${escapeMarkdown(idea.text)}** (#${idea.id}). Members can give it dots with \`/ideas vote\`.`;
}

export function votedText(idea: RankedIdea, dotsLeft: number): string {
  return `● Done: **${escapeMarkdown(idea.text)}** now has ${dots(idea.dots)}. You have ${dots(dotsLeft)} left this month.`;
}

/** "is now on the agenda of …" / "is now priority 2". */
export function promotedText(idea: { text: string }, to: { agendaOf: string } | { priorityRank: number }): string {
  const where = 'agendaOf' in to ? `on the agenda of ${to.agendaOf}` : `priority ${to.priorityRank}`;
  return `⬆️ **${escapeMarkdown(idea.text)}** is now ${where}.`;
}

export const addedAnywayText = (): string => '✅ Added anyway.';

/** The "Add anyway" button under a near-duplicate answer (ideas and agenda items). */
export function addAnywayRow(command: 'ideas' | 'agenda', draftId: number): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Add anyway', custom_id: customId(command, 'anyway', draftId) }],
  };
}

/** The answer to /ideas add: parked, or "looks like #12" with a choice to add it anyway. */
export function renderIdeaProposed(result: Proposed<RankedIdea>) {
  if (result.kind === 'added') return { content: parkedText(result.added), components: [], ephemeral: false };
  const { similar } = result;
  return {
    content: `This looks like #${similar.id}, already parked: **${escapeMarkdown(truncate(similar.text, 300))}**. Give it dots with \`/ideas vote\` instead, or add yours anyway.`,
    components: [addAnywayRow('ideas', result.draftId)],
    ephemeral: true,
  };
}
