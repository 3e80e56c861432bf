// Turns what the bot sent (messages, forms, choices) into plain text a person reads in a terminal. Pure.
import type { AttachmentView, ComponentView, EmbedView, InteractionResult, MessageView } from '../testbed/types.js';

/** Id → display name, so <@123> reads as @marcus; unknown ids stay raw. */
export interface Names {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
  role(id: string): string | undefined;
}

export interface RenderOptions {
  /** Where it appeared, e.g. "bot" for a reply or "#announcements". */
  label: string;
  names: Names;
  /** Milliseconds since epoch, for relative timestamps (<t:…:R>); without it they show the date only. */
  now?: number;
  edited?: boolean;
  /** Where a sent file was saved, to print its path beside it. */
  filePath?: (attachment: AttachmentView) => string | undefined;
}

const INDENT = '  ';
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function renderMessage(view: MessageView, options: RenderOptions): string {
  const notes: string[] = [];
  if (view.ephemeral) notes.push('(only you can see this)');
  if (options.edited) notes.push('(edited)');
  const header = [`${options.label} ▸`, ...notes].join(' ');

  const body: string[] = [];
  if (view.content) body.push(...renderText(view.content, options).split('\n'));
  for (const embed of view.embeds) body.push(...renderEmbed(embed, options));
  for (const attachment of view.attachments) {
    const path = options.filePath?.(attachment);
    body.push(`📎 ${attachment.filename} (${formatSize(attachment.size)})${path ? ` saved to ${path}` : ''}`);
  }
  body.push(...renderComponents(view.components, options));
  if (view.reactions.length > 0) body.push(`reactions: ${view.reactions.map((r) => `${r.emoji} ${r.userIds.length}`).join(' · ')}`);
  const pinged = describePings(view, options.names);
  if (pinged) body.push(`🔔 pings ${pinged}`);

  if (body.length === 0) return `${header} (empty message)`;
  if (body.length === 1 && view.embeds.length === 0) return `${header} ${body[0]}`;
  return [header, ...body.map((line) => INDENT + line)].join('\n');
}

/**
 * Mentions become names, Discord timestamps get a readable UTC date beside the raw form, and markdown escapes show
 * as the member sees them ("Mon\-Fri" reads "Mon-Fri").
 */
export function renderText(text: string, options: Pick<RenderOptions, 'names' | 'now'>): string {
  const { names } = options;
  return text
    .replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (raw, seconds: string, style: string | undefined) => `${raw} (${formatTimestamp(Number(seconds), style ?? 'f', options.now)})`)
    .replace(/<@!?(\d+)>/g, (raw, id: string) => withName('@', names.user(id), raw))
    .replace(/<@&(\d+)>/g, (raw, id: string) => withName('@', names.role(id), raw))
    .replace(/<#(\d+)>/g, (raw, id: string) => withName('#', names.channel(id), raw))
    .replace(/<a?:(\w+):\d+>/g, ':$1:')
    .replace(/\\([\\*_`~|>[\]()#-])/g, '$1');
}

function withName(prefix: string, name: string | undefined, raw: string): string {
  return name === undefined ? raw : `${prefix}${name}`;
}

/** A Discord timestamp as the client would show it, always in UTC so scripts give the same output everywhere. */
export function formatTimestamp(seconds: number, style: string, now?: number): string {
  const date = new Date(seconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  switch (style) {
    case 't':
      return `${time} UTC`;
    case 'T':
      return `${time}:${pad(date.getUTCSeconds())} UTC`;
    case 'd':
      return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    case 'D':
      return day;
    case 'F':
      return `${DAYS[date.getUTCDay()]}, ${day} ${time} UTC`;
    case 'R':
      return now === undefined ? `${day} ${time} UTC` : `${relative(seconds * 1000 - now)}, ${day} ${time} UTC`;
    default:
      return `${day} ${time} UTC`;
  }
}

function relative(deltaMs: number): string {
  const units: [string, number][] = [
    ['year', 365 * 86_400_000],
    ['month', 30 * 86_400_000],
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1000],
  ];
  const abs = Math.abs(deltaMs);
  const [unit, size] = units.find(([, size]) => abs >= size) ?? ['second', 1000];
  const count = Math.round(abs / size);
  const amount = `${count} ${unit}${count === 1 ? '' : 's'}`;
  return deltaMs >= 0 ? `in ${amount}` : `${amount} ago`;
}

function renderEmbed(embed: EmbedView, options: RenderOptions): string[] {
  const lines: string[] = [];
  const text = (value: string) => renderText(value, options).split('\n');
  if (embed.author?.name) lines.push(`by ${embed.author.name}`);
  if (embed.title) lines.push(...text(embed.url ? `${embed.title} — ${embed.url}` : embed.title));
  if (embed.description) lines.push(...text(embed.description));
  for (const field of embed.fields ?? []) {
    const [first = '', ...more] = text(field.value);
    lines.push(`${renderText(field.name, options)}: ${first}`, ...more.map((line) => INDENT + line));
  }
  const footer = [embed.footer?.text ? renderText(embed.footer.text, options) : null, embed.timestamp ? formatTimestamp(Date.parse(embed.timestamp) / 1000, 'f') : null]
    .filter((part): part is string => part !== null)
    .join(' · ');
  if (footer) lines.push(`— ${footer}`);
  if (lines.length === 0) return ['┃ (empty embed)'];
  return lines.map((line) => `┃ ${line}`);
}

const SELECT_KINDS: Record<number, string> = { 5: 'members: select @name', 6: 'roles: select @&Role', 7: 'members or roles', 8: 'channels: select #name' };

function renderComponents(components: ComponentView[], options: RenderOptions): string[] {
  const lines: string[] = [];
  for (const component of components) {
    if (component.type === 1) {
      const children = component.components ?? [];
      const buttons = children.filter((c) => c.type === 2).map(renderButton);
      if (buttons.length > 0) lines.push(buttons.join(' '));
      for (const select of children.filter((c) => c.type !== 2)) lines.push(renderSelect(select));
    } else if (component.type === 2) {
      lines.push(renderButton(component));
    } else if (typeof component.content === 'string') {
      lines.push(...renderText(component.content, options).split('\n'));
    } else if (component.components) {
      lines.push(...renderComponents(component.components, options));
    } else {
      lines.push(renderSelect(component));
    }
  }
  return lines;
}

function renderButton(button: ComponentView): string {
  const emoji = isEmoji(button.emoji) ? `${button.emoji.name} ` : '';
  const label = `${emoji}${button.label ?? ''}`.trim() || '(no label)';
  const link = button.style === 5 && button.url ? ` ↗ ${button.url}` : '';
  return `[${label}${link}${button.disabled ? ' (disabled)' : ''}]`;
}

function isEmoji(value: unknown): value is { name: string } {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

function renderSelect(select: ComponentView): string {
  const placeholder = select.placeholder ?? 'choose';
  const disabled = select.disabled ? ' (disabled)' : '';
  if (select.type === 3) {
    const choices = (select.options ?? []).map((o) => (o.label.toLowerCase() === o.value.toLowerCase() ? o.label : `${o.label} (${o.value})`));
    return `▾ ${placeholder}${disabled}: ${choices.join(' · ')}`;
  }
  return `▾ ${placeholder}${disabled} (${SELECT_KINDS[select.type] ?? `component type ${select.type}`})`;
}

function describePings(view: MessageView, names: Names): string {
  const { pings } = view;
  const parts = [
    ...(pings.everyone ? ['@everyone'] : []),
    ...(pings.here ? ['@here'] : []),
    ...pings.users.map((id) => `@${names.user(id) ?? id}`),
    ...pings.roles.map((id) => `@${names.role(id) ?? id}`),
  ];
  return parts.join(', ');
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

/** A modal the bot opened, as a form listing each field and the line that submits it. */
export function renderModal(modal: NonNullable<InteractionResult['modal']>, label = 'bot'): string {
  const lines = [`${label} ▸ opened a form: ${modal.title}`];
  for (const field of modal.fields) {
    const kind = [field.style === 2 ? 'paragraph' : 'short', field.required ? 'required' : 'optional', field.maxLength ? `max ${field.maxLength}` : null]
      .filter(Boolean)
      .join(', ');
    const value = field.value ? ` = "${field.value}"` : '';
    lines.push(`${INDENT}${field.label} [${field.customId}] (${kind})${value}`);
  }
  const example = modal.fields.map((f) => `${f.customId}=…`).join(' | ');
  lines.push(`${INDENT}fill it in: modal ${example}`);
  return lines.join('\n');
}

/** Autocomplete choices, numbered so `pick 2` works. */
export function renderChoices(optionName: string, choices: { name: string; value: string | number }[]): string {
  if (choices.length === 0) return `no choices for ${optionName}`;
  const lines = choices.map((c, i) => `${INDENT}${i + 1}. ${c.name}${c.name === String(c.value) ? '' : ` (${c.value})`}`);
  return [`choices for ${optionName}:`, ...lines, `${INDENT}pick one: pick <number, name or value>`].join('\n');
}
