// Fits lines of text into embeds within Discord's limits: each description ≤ 4096 and all embeds of one
// message ≤ 6000 characters together. What does not fit is counted in a last line instead of failing the send.
import { EmbedBuilder } from 'discord.js';
import { sayIn, type Say } from '../i18n/translate.js';
import { truncate } from './format.js';

const DESCRIPTION_MAX = 4000;
/** Leaves room under 6000 for the title, footer and the "not shown" line. */
const MESSAGE_BUDGET = 5600;

export interface FitOptions {
  title: string;
  color: number;
  footer?: string | null;
  /** Says what to do to see the rest, e.g. "use /agenda show". */
  moreHint?: string;
  /** The reader's language, for the "…and N more lines not shown" line (English when not given). */
  say?: Say;
}

const length = (text: string): number => [...text].length;

export function fitEmbeds(lines: readonly string[], options: FitOptions): EmbedBuilder[] {
  const descriptions: string[] = [];
  let current = '';
  // current's length, kept as it grows (counting the whole description again per line was quadratic).
  let currentLength = 0;
  let used = 0;
  let shown = 0;
  for (const raw of lines) {
    const line = truncate(raw, DESCRIPTION_MAX);
    const lineLength = length(line);
    if (used + lineLength + 1 > MESSAGE_BUDGET) break;
    const nextLength = current ? currentLength + 1 + lineLength : lineLength;
    if (nextLength > DESCRIPTION_MAX) {
      descriptions.push(current);
      current = line;
      currentLength = lineLength;
    } else {
      current = current ? `${current}\n${line}` : line;
      currentLength = nextLength;
    }
    used += lineLength + 1;
    shown++;
  }
  const hidden = lines.length - shown;
  if (hidden > 0) {
    const say = options.say ?? sayIn('en');
    const more = options.moreHint ? say('fit.moreWithHint', { count: hidden, hint: options.moreHint }) : say('fit.more', { count: hidden });
    if (current && currentLength + length(more) + 1 > DESCRIPTION_MAX) {
      descriptions.push(current);
      current = more;
    } else {
      current = current ? `${current}\n${more}` : more;
    }
  }
  if (current) descriptions.push(current);
  // From data: the setters run discord.js's validators, which build and throw away an error per call.
  return descriptions.slice(0, 10).map((description, index, all) => new EmbedBuilder({
    color: options.color,
    description,
    ...(index === 0 ? { title: truncate(options.title, 256) } : {}),
    ...(index === all.length - 1 && options.footer ? { footer: { text: truncate(options.footer, 300) } } : {}),
  }));
}
