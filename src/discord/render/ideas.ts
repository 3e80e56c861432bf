// The idea machine as members see it: the parking lot ranked by dots, and the priority list.
import { EmbedBuilder } from 'discord.js';
import type { RankedIdea } from '../../ideas/ideas.repo.js';
import type { PrioritiesView } from '../../ideas/ideas.service.js';
import { escapeMarkdown, truncate, userMention } from '../format.js';
import { fitEmbeds } from './fit.js';
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
