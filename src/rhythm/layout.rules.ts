// Lays a post (a header and titled sections of lines) out as Discord messages within Discord's limits:
// ≤ 4096 characters per description, ≤ 256 per title, ≤ 10 embeds and ≤ 6000 characters per message.
import type { PostEmbed, PostMessage } from './ports.js';

export const LIMITS = {
  title: 256,
  description: 4096,
  footer: 2048,
  embedsPerMessage: 10,
  charsPerMessage: 6000,
} as const;

/** Room kept in each message for the "part i of n" footer added once the number of messages is known. */
const FOOTER_RESERVE = 40;

export interface LayoutSection {
  title: string;
  lines: string[];
}

export interface LayoutInput {
  title: string;
  /** Shown under the title in the first embed (the organizers' note, or an introduction). */
  intro: string;
  sections: LayoutSection[];
  color: number;
  /** The layout's own words, in the post's language. */
  words: LayoutWords;
}

export interface LayoutWords {
  /** A section's title on the embeds that continue it. */
  continued(title: string): string;
  /** The footer of each message of a post split over several. */
  part(index: number, count: number): string;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function embedChars(embed: PostEmbed): number {
  return embed.title.length + embed.description.length + (embed.footer?.text.length ?? 0);
}

export function messageChars(message: PostMessage): number {
  return message.embeds.reduce((sum, embed) => sum + embedChars(embed), 0);
}

/** Splits lines into descriptions that fit, never cutting a line unless that one line alone is too long. */
export function chunkLines(lines: string[], max: number = LIMITS.description): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

function sectionEmbeds(section: LayoutSection, color: number, words: LayoutWords): PostEmbed[] {
  return chunkLines(section.lines).map((description, index) => ({
    title: truncate(index === 0 ? section.title : words.continued(section.title), LIMITS.title),
    description,
    color,
  }));
}

/** The whole post as messages: embeds in order, packed greedily, each message within every limit. */
export function layoutPost(input: LayoutInput): PostMessage[] {
  const head: PostEmbed = {
    title: truncate(input.title, LIMITS.title),
    description: truncate(input.intro, LIMITS.description),
    color: input.color,
  };
  const embeds = [head, ...input.sections.flatMap((section) => sectionEmbeds(section, input.color, input.words))];
  const messages: PostMessage[] = [];
  let current: PostEmbed[] = [];
  let chars = 0;
  for (const embed of embeds) {
    const size = embedChars(embed);
    if (current.length > 0 && (current.length === LIMITS.embedsPerMessage || chars + size > LIMITS.charsPerMessage - FOOTER_RESERVE)) {
      messages.push({ embeds: current });
      current = [];
      chars = 0;
    }
    current.push(embed);
    chars += size;
  }
  if (current.length > 0) messages.push({ embeds: current });
  if (messages.length > 1) {
    messages.forEach((message, index) => {
      const last = message.embeds[message.embeds.length - 1]!;
      last.footer = { text: input.words.part(index + 1, messages.length) };
    });
  }
  return messages;
}
