// Small text helpers for what the bot shows in Discord: timestamps, safe truncation, mentions that never ping.

/** Discord timestamp markup: each member sees the time in their own zone. */
export function timestamp(instant: Date | number, style: 'F' | 'f' | 'D' | 'd' | 't' | 'T' | 'R' = 'F'): string {
  return `<t:${Math.floor(new Date(instant).getTime() / 1000)}:${style}>`;
}

/** Cuts text to `max` code points (what Discord counts), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const points = [...text];
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
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

/** Escapes Discord markdown so member text shows as typed (no accidental bold, links or code blocks). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_`~|>[\]()#-])/g, '\\$1');
}
