// The versioned custom-id codec for buttons, selects and modals: `v1:<command>:<action>:<arg>:<arg>…`.
// Parsed once into typed data before any handler runs; anything that does not parse is refused politely.
import type { z } from 'zod';

export const CUSTOM_ID_VERSION = 'v1';
export const CUSTOM_ID_MAX = 100;
const SEPARATOR = ':';

export type CustomIdArg = string | number | boolean;

export class CustomIdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CustomIdError';
  }
}

function encodeArg(arg: CustomIdArg): string {
  const text = typeof arg === 'boolean' ? (arg ? '1' : '0') : String(arg);
  // Only the separator and the escape character need escaping; ids stay short and readable.
  return text.replace(/%/g, '%25').replace(/:/g, '%3A');
}

function decodeArg(text: string): string {
  return text.replace(/%3A/gi, ':').replace(/%25/g, '%');
}

/** Builds a custom id; throws when it would break Discord's 100-character limit (a bug, caught by tests). */
export function customId(command: string, action: string, ...args: CustomIdArg[]): string {
  const id = [CUSTOM_ID_VERSION, command, action, ...args.map(encodeArg)].join(SEPARATOR);
  if (id.length > CUSTOM_ID_MAX) throw new CustomIdError(`custom id too long (${id.length} > ${CUSTOM_ID_MAX}): ${id.slice(0, 40)}…`);
  return id;
}

export interface DecodedCustomId {
  command: string;
  action: string;
  args: string[];
}

/** Splits a custom id; null when it is not one of ours (wrong version, wrong shape, too long). */
export function decodeCustomId(id: string): DecodedCustomId | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > CUSTOM_ID_MAX) return null;
  const [version, command, action, ...rest] = id.split(SEPARATOR);
  if (version !== CUSTOM_ID_VERSION || !command || !action) return null;
  if (!/^[a-z0-9-]+$/.test(command) || !/^[a-z0-9-]+$/i.test(action)) return null;
  return { command, action, args: rest.map(decodeArg) };
}

/** Parses the args with the handler's zod schema; null when they do not fit (tampered or stale). */
export function parseCustomIdArgs<A>(schema: z.ZodType<A>, args: string[]): A | null {
  const result = schema.safeParse(args);
  return result.success ? result.data : null;
}
