// The shell's line parser: one typed line → one action. Pure, so every syntax rule has a table test.
import { DISCORD_LOCALES } from '../testbed/validate-command.js';

/** A value as typed. Mentions keep their raw text because a string option takes `#1 priority` literally. */
export type ValueToken =
  | { kind: 'text'; text: string }
  | { kind: 'channel'; name: string; raw: string }
  | { kind: 'user'; name: string; raw: string }
  | { kind: 'role'; name: string; raw: string };

export interface CommandAction {
  kind: 'command';
  /** Command name, then group and/or subcommand words, as typed: resolved later against the registered definition. */
  path: string[];
  options: { name: string; value: ValueToken }[];
  /** Name of the option ending in an unquoted `?`: ask for its autocomplete choices instead of sending. */
  autocomplete: string | null;
}

export type Action =
  | { kind: 'nothing' }
  | { kind: 'help'; command: string[] | null }
  | { kind: 'exit' }
  | { kind: 'as'; member: string }
  | { kind: 'locale'; locale: string }
  | { kind: 'in'; channel: string }
  | { kind: 'wait'; ms: number }
  | CommandAction
  | { kind: 'pick'; choice: string }
  | { kind: 'click'; label: string }
  | { kind: 'select'; values: ValueToken[] }
  | { kind: 'modal'; fields: { key: string; value: string }[] }
  | { kind: 'react' | 'unreact'; emoji: string };

/** A line the shell cannot understand; the message says what to type instead. */
export class ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParseError';
  }
}

const MAX_WAIT_MS = 10 * 60_000;

/** A Discord locale as Discord spells it (es-ES, es-419, fr, pt-BR), whatever the case typed. */
function parseLocale(text: string): string {
  const wanted = text.toLowerCase();
  const found = [...DISCORD_LOCALES].find((locale) => locale.toLowerCase() === wanted);
  if (!found) throw new ParseError(`"${text}" is not a Discord language; try en-US, en-GB, es-ES, es-419 or fr (Discord has ${DISCORD_LOCALES.size})`);
  return found;
}

export function parseLine(line: string): Action {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return { kind: 'nothing' };
  if (trimmed.startsWith('/')) return parseCommand(trimmed.slice(1));

  const space = trimmed.search(/\s/);
  const word = (space === -1 ? trimmed : trimmed.slice(0, space)).toLowerCase();
  const rest = space === -1 ? '' : trimmed.slice(space).trim();

  switch (word) {
    case 'help':
    case '?':
      return { kind: 'help', command: rest ? helpPath(rest) : null };
    case 'exit':
    case 'quit':
      return { kind: 'exit' };
    case 'as':
      return { kind: 'as', member: required(rest, 'as <member>, e.g. as marcus').replace(/^@/, '') };
    case 'locale':
      return { kind: 'locale', locale: parseLocale(required(rest, 'locale <Discord language>, e.g. locale es-ES or locale fr')) };
    case 'in':
      return { kind: 'in', channel: unquote(required(rest, 'in #channel, e.g. in #general').replace(/^#/, '')) };
    case 'wait':
      return { kind: 'wait', ms: parseDuration(rest) };
    case 'pick':
      return { kind: 'pick', choice: unquote(required(rest, 'pick <choice name, value or number>')) };
    case 'click':
      return { kind: 'click', label: unquote(required(rest, 'click <button label>, e.g. click Approve')) };
    case 'select':
      return { kind: 'select', values: splitOutsideQuotes(required(rest, 'select <value> (several: select a | b)'), '|').map(parseSelectValue) };
    case 'modal':
      return { kind: 'modal', fields: parseModalFields(required(rest, 'modal field=value | field=value')) };
    case 'react':
    case 'unreact':
      return { kind: word, emoji: unquote(required(rest, `${word} <emoji>, e.g. ${word} ✅`)) };
    default:
      throw new ParseError(`Unknown instruction "${word}". Commands start with /, e.g. /help; type help for the shell's own instructions.`);
  }
}

/** `help /proposal create`: the command's words, with or without the slash. */
function helpPath(rest: string): string[] {
  const words = rest.replace(/^\//, '').trim().toLowerCase().split(/\s+/);
  if (words.some((word) => !/^[\p{L}\p{N}_-]+$/u.test(word))) throw new ParseError(`help takes a command, e.g. help /proposal create (got "${rest}")`);
  return words;
}

function required(rest: string, usage: string): string {
  if (rest === '') throw new ParseError(`Missing argument: ${usage}`);
  return rest;
}

function unquote(text: string): string {
  const match = /^(["'])(.*)\1$/s.exec(text);
  return match ? (match[2] ?? '') : text;
}

function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s)$/i.exec(text);
  if (!match) throw new ParseError(`wait needs a duration with a unit, e.g. wait 2s or wait 500ms (got "${text}")`);
  const ms = Number(match[1]) * (match[2]?.toLowerCase() === 's' ? 1000 : 1);
  if (ms > MAX_WAIT_MS) throw new ParseError('wait is limited to 10 minutes');
  return Math.round(ms);
}

/** Splits on a separator that is not inside quotes; quotes are kept so each part can be read on its own. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
      current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (char === separator) {
      parts.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (quote) throw new ParseError(`Unclosed ${quote} quote`);
  parts.push(current.trim());
  return parts;
}

function parseModalFields(text: string): { key: string; value: string }[] {
  return splitOutsideQuotes(text, '|').map((part) => {
    const equals = part.indexOf('=');
    if (equals <= 0) throw new ParseError(`Each modal field is written field=value (got "${part}")`);
    const key = unquote(part.slice(0, equals).trim());
    // A literal \n lets a one-line script fill a paragraph field with several lines.
    const value = unquote(part.slice(equals + 1).trim()).replace(/\\n/g, '\n');
    return { key, value };
  });
}

function parseSelectValue(text: string): ValueToken {
  if (text === '') throw new ParseError('select needs a value between the | separators');
  const cursor = { text, at: 0 };
  const token = readValue(cursor);
  if (cursor.at !== text.length) return { kind: 'text', text: unquote(text) };
  return token.value;
}

interface Cursor {
  text: string;
  at: number;
}

/** Reads up to the next whitespace, or a whole quoted string (with \" escapes) when it starts with a quote. */
function readBare(cursor: Cursor): { text: string; quoted: boolean } {
  const quote = cursor.text[cursor.at];
  if (quote === '"' || quote === "'") {
    let text = '';
    let i = cursor.at + 1;
    for (; i < cursor.text.length; i++) {
      const char = cursor.text[i];
      if (char === '\\' && i + 1 < cursor.text.length) {
        text += cursor.text[++i];
      } else if (char === quote) {
        cursor.at = i + 1;
        return { text, quoted: true };
      } else {
        text += char;
      }
    }
    throw new ParseError(`Unclosed ${quote} quote`);
  }
  const start = cursor.at;
  while (cursor.at < cursor.text.length && !/\s/.test(cursor.text[cursor.at] ?? '')) cursor.at++;
  return { text: cursor.text.slice(start, cursor.at), quoted: false };
}

/** An option value: #channel, @user, @&role (each may quote its name), "quoted text" or a bare word. */
function readValue(cursor: Cursor): { value: ValueToken; autocomplete: boolean } {
  const start = cursor.at;
  const rest = cursor.text.slice(cursor.at);
  const prefix = rest.startsWith('@&') ? '@&' : rest.startsWith('@') ? '@' : rest.startsWith('#') ? '#' : '';
  if (prefix !== '') {
    cursor.at += prefix.length;
    const name = readBare(cursor).text;
    if (name === '') throw new ParseError(`"${prefix}" needs a name after it, e.g. ${prefix === '#' ? '#general' : prefix === '@&' ? '@&Organizers' : '@marcus'}`);
    const raw = cursor.text.slice(start, cursor.at);
    const kind = prefix === '#' ? 'channel' : prefix === '@&' ? 'role' : 'user';
    return { value: { kind, name, raw }, autocomplete: false };
  }
  const bare = readBare(cursor);
  if (bare.quoted) {
    // `title:"Monthly ca"?`: the ? outside the quotes asks for autocomplete; inside them it is text.
    const autocomplete = cursor.text[cursor.at] === '?';
    if (autocomplete) cursor.at++;
    return { value: { kind: 'text', text: bare.text }, autocomplete };
  }
  if (bare.text.endsWith('?')) return { value: { kind: 'text', text: bare.text.slice(0, -1) }, autocomplete: true };
  return { value: { kind: 'text', text: bare.text }, autocomplete: false };
}

function parseCommand(body: string): CommandAction {
  const cursor: Cursor = { text: body, at: 0 };
  const path: string[] = [];
  const options: CommandAction['options'] = [];
  let autocomplete: string | null = null;

  const skipSpace = () => {
    while (cursor.at < body.length && /\s/.test(body[cursor.at] ?? '')) cursor.at++;
  };

  skipSpace();
  while (cursor.at < body.length) {
    const option = /^([\p{L}\p{N}_-]+):/u.exec(body.slice(cursor.at));
    if (option) {
      const name = (option[1] ?? '').toLowerCase();
      cursor.at += option[0].length;
      if (options.some((o) => o.name === name)) throw new ParseError(`Option "${name}" is given twice`);
      const next = body[cursor.at];
      if (next === undefined || /\s/.test(next)) throw new ParseError(`Option "${name}" has no value: write ${name}:value (quotes for spaces), or ${name}:? for its choices`);
      const { value, autocomplete: asks } = readValue(cursor);
      if (cursor.at < body.length && !/\s/.test(body[cursor.at] ?? '')) {
        throw new ParseError(`Unexpected text after the value of "${name}": put a space between options`);
      }
      if (asks) {
        if (autocomplete) throw new ParseError(`Only one option can ask for choices at a time ("${autocomplete}" and "${name}" end in ?)`);
        autocomplete = name;
      }
      options.push({ name, value });
    } else {
      const word = readBare(cursor).text;
      if (options.length > 0) {
        throw new ParseError(`Unexpected "${word}": after the command and subcommand, options are written name:value`);
      }
      if (!/^[\p{L}\p{N}_-]+$/u.test(word)) throw new ParseError(`"${word}" is not a command or subcommand name`);
      path.push(word.toLowerCase());
    }
    skipSpace();
  }
  if (path.length === 0) throw new ParseError('A command needs a name after the /, e.g. /help');
  return { kind: 'command', path, options, autocomplete };
}
