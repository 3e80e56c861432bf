// What the Discord client checks before sending a command: visibility, and options against the definition.
import { snowflake } from './ids.js';
import { ALL_PERMISSIONS, has, Perm } from './permissions.js';
import { apiChannel, apiMember, apiRole, apiUser } from './serialize.js';
import type { Command, World } from './state.js';
import type { AttachmentInput, CommandInput } from './types.js';

type Obj = Record<string, unknown>;

export class DriverRefusedError extends Error {
  override name = 'DriverRefusedError';
}

export function findCommand(world: World, guildId: string | null, name: string, type = 1): Command | undefined {
  const all = [...world.commands.values()].filter((c) => c.raw.name === name && Number(c.raw.type ?? 1) === type);
  return all.find((c) => guildId !== null && c.guildId === guildId) ?? all.find((c) => c.guildId === null);
}

/** Why a member's client would not offer this command here, or null when it would. */
export function visibilityProblem(world: World, c: Command, input: { guildId?: string; userId: string; channelId: string; dm?: boolean }): string | null {
  const contexts = Array.isArray(c.raw.contexts) ? (c.raw.contexts as number[]) : null;
  if (input.dm) {
    if (c.guildId) return `/${String(c.raw.name)} is a guild command and does not exist in DMs`;
    if (contexts ? !contexts.includes(1) : c.raw.dm_permission === false) return `/${String(c.raw.name)} is not available in DMs (contexts)`;
    return null;
  }
  if (contexts && !contexts.includes(0)) return `/${String(c.raw.name)} is not available in servers (contexts)`;
  const guildId = input.guildId ?? '';
  if (!world.guilds.get(guildId)?.members.has(input.userId)) return `user ${input.userId} is not a member of guild ${guildId}`;
  const channelPerms = world.permissions(guildId, input.userId, input.channelId);
  if (!has(channelPerms, Perm.ViewChannel | Perm.UseApplicationCommands)) return `the member cannot use commands in channel ${input.channelId}`;
  const dmp = c.raw.default_member_permissions;
  if (dmp === null || dmp === undefined) return null;
  const needed = BigInt(String(dmp));
  const perms = world.permissions(guildId, input.userId);
  const ok = needed === 0n ? perms === ALL_PERMISSIONS : has(perms, needed);
  return ok ? null : `/${String(c.raw.name)} is hidden from this member: default_member_permissions ${String(dmp)} not held`;
}

export interface Built { options: Obj[]; resolved: Obj; problems: string[] }

export function buildOptions(world: World, c: Command, input: CommandInput, baseUrl: string, focused?: string): Built {
  const problems: string[] = [];
  const resolved: Record<string, Record<string, unknown>> = {};
  const defs = (c.raw.options as Obj[] | undefined) ?? [];
  const find = (list: Obj[], type: number, name: string | undefined): Obj | undefined => list.find((o) => o.type === type && o.name === name);
  let leafDefs = defs;
  let wrap = (opts: Obj[]): Obj[] => opts;
  if (input.group) {
    const group = find(defs, 2, input.group);
    const sub = group ? find((group.options as Obj[] | undefined) ?? [], 1, input.subcommand) : undefined;
    if (!group || !sub) problems.push(`/${input.name} has no subcommand "${input.group} ${input.subcommand ?? ''}"`);
    leafDefs = (sub?.options as Obj[] | undefined) ?? [];
    wrap = (opts) => [{ type: 2, name: input.group, options: [{ type: 1, name: input.subcommand, options: opts }] }];
  } else if (input.subcommand) {
    const sub = find(defs, 1, input.subcommand);
    if (!sub) problems.push(`/${input.name} has no subcommand "${input.subcommand}"`);
    leafDefs = (sub?.options as Obj[] | undefined) ?? [];
    wrap = (opts) => [{ type: 1, name: input.subcommand, options: opts }];
  } else if (defs.some((o) => o.type === 1 || o.type === 2)) {
    problems.push(`/${input.name} needs a subcommand (${defs.map((o) => String(o.name)).join(', ')})`);
  }
  const given = input.options ?? {};
  const out: Obj[] = [];
  for (const [name, raw] of Object.entries(given)) {
    const def = leafDefs.find((o) => o.name === name);
    if (!def) problems.push(`option "${name}" is not defined`);
    const type = Number(def?.type ?? 3);
    if (name === focused) {
      out.push({ name, type, value: String(raw), focused: true });
      continue;
    }
    const value = convert(world, input, type, name, raw, def ?? {}, problems, resolved, baseUrl);
    out.push({ name, type, value });
  }
  for (const def of leafDefs) {
    if (def.required === true && !(String(def.name) in given) && focused === undefined) problems.push(`required option "${String(def.name)}" is missing`);
  }
  return { options: wrap(out), resolved, problems };
}

function convert(world: World, input: CommandInput, type: number, name: string, raw: unknown, def: Obj, problems: string[], resolved: Record<string, Record<string, unknown>>, baseUrl: string): unknown {
  const put = (kind: string, id: string, value: unknown): void => {
    (resolved[kind] ??= {})[id] = value;
  };
  const guild = input.guildId && !input.dm ? world.guilds.get(input.guildId) : undefined;
  const choices = Array.isArray(def.choices) ? (def.choices as Obj[]) : null;
  const inChoices = (v: unknown): void => {
    if (choices && !choices.some((ch) => ch.value === v)) problems.push(`"${name}" must be one of ${choices.map((ch) => JSON.stringify(ch.value)).join(', ')}`);
  };
  switch (type) {
    case 3: {
      const v = String(raw);
      const n = [...v].length;
      if (typeof def.min_length === 'number' && n < def.min_length) problems.push(`"${name}" is shorter than ${def.min_length}`);
      if (n > (typeof def.max_length === 'number' ? def.max_length : 6000)) problems.push(`"${name}" is longer than allowed`);
      inChoices(v);
      return v;
    }
    case 4: case 10: {
      const v = Number(raw);
      if (!Number.isFinite(v) || (type === 4 && !Number.isInteger(v))) problems.push(`"${name}" must be ${type === 4 ? 'an integer' : 'a number'}`);
      if (typeof def.min_value === 'number' && v < def.min_value) problems.push(`"${name}" is below ${def.min_value}`);
      if (typeof def.max_value === 'number' && v > def.max_value) problems.push(`"${name}" is above ${def.max_value}`);
      inChoices(v);
      return v;
    }
    case 5:
      if (typeof raw !== 'boolean' && raw !== 'true' && raw !== 'false') problems.push(`"${name}" must be true or false`);
      return raw === true || raw === 'true';
    case 6: case 9: {
      const id = String(raw);
      const user = world.users.get(id);
      const role = guild?.roles.get(id);
      if (user) {
        put('users', id, apiUser(user));
        const m = guild ? apiMember(world, guild, id, false) : null;
        if (m) put('members', id, { ...m, permissions: world.permissions(guild!.id, id, input.channelId).toString() });
      } else if (type === 9 && role) put('roles', id, apiRole(role));
      else problems.push(`"${name}": no ${type === 9 ? 'user or role' : 'user'} with id ${id}`);
      return id;
    }
    case 7: {
      const channel = world.liveChannel(String(raw));
      if (!channel || (guild && channel.guildId !== guild.id)) problems.push(`"${name}": no channel ${String(raw)} here`);
      else {
        const types = Array.isArray(def.channel_types) ? (def.channel_types as number[]) : null;
        if (types && !types.includes(channel.type)) problems.push(`"${name}": channel type ${channel.type} not allowed (${types.join(', ')})`);
        const perms = channel.guildId ? world.permissions(channel.guildId, input.userId, channel.id).toString() : undefined;
        put('channels', channel.id, { ...apiChannel(world, channel), permissions: perms });
      }
      return String(raw);
    }
    case 8: {
      const role = guild?.roles.get(String(raw));
      if (!role) problems.push(`"${name}": no role ${String(raw)} in this guild`);
      else put('roles', role.id, apiRole(role));
      return String(raw);
    }
    case 11: {
      const file = raw as AttachmentInput;
      if (typeof file !== 'object' || file === null || !('filename' in file)) {
        problems.push(`"${name}" needs { filename, content }`);
        return null;
      }
      const id = snowflake();
      const data = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
      const url = `${baseUrl}/attachments/${input.channelId}/${id}/${encodeURIComponent(file.filename)}`;
      const contentType = file.contentType ?? 'application/octet-stream';
      world.files.set(id, { id, filename: file.filename, contentType, size: data.length, url, data });
      put('attachments', id, { id, filename: file.filename, size: data.length, url, proxy_url: url, content_type: contentType, ephemeral: true });
      return id;
    }
    default:
      return raw;
  }
}
