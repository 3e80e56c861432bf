// Small text helpers for what the bot shows in Discord: timestamps, safe truncation, mentions that never ping.

/** Discord timestamp markup: each member sees the time in their own zone. */
export function timestamp(instant: Date | number, style: 'F' | 'f' | 'D' | 'd' | 't' | 'T' | 'R' = 'F'): string {
  return `<t:${Math.floor(new Date(instant).getTime() / 1000)}:${style}>`;
}

/**
 * Cuts text to `max` UTF-16 units, ending with an ellipsis when cut, never splitting a surrogate pair. Discord counts
 * code points, discord.js's builders count UTF-16 units (an emoji is two): staying within the latter satisfies both.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = '';
  for (const point of text) {
    if (cut.length + point.length > max - 1) break;
    cut += point;
  }
  return `${cut}…`;
}

/** A user mention for display. Messages are sent with allowed_mentions parse: [], so it shows the name and pings no one. */
export function userMention(userId: string): string {
  return `<@${userId}>`;
}

export function channelMention(channelId: string): string {
  return `<#${channelId}>`;
}

export function roleMention(roleId: string): string {
  return `<@&${roleId}>`;
}

/** Member text in a post goes through these (one implementation in src/shared/markdown.ts). */
export { escapeMarkdown, plainUrl, unmaskLinks } from '../shared/markdown.js';
