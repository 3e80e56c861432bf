// The driver: members acting through a "Discord client": slash commands, buttons, selects, modals, reactions.
import type { Ctx } from './context.js';
import { buildOptions, DriverRefusedError, findCommand, visibilityProblem } from './driver-options.js';
import { createMessage, dispatchMessage, messageView } from './messages.js';
import { has, Perm } from './permissions.js';
import { addReaction, removeReaction } from './reactions.js';
import { apiChannel, apiMember, apiMessage, apiUser } from './serialize.js';
import type { Message } from './state.js';
import type { Actor, CommandInput, Driver, InteractionResult } from './types.js';

type Obj = Record<string, unknown>;

export function createDriver(ctx: Ctx): Driver {
  const { world, gateway, interactions } = ctx;

  const refuse = (force: boolean | undefined, problems: string[]): void => {
    if (problems.length && !force) throw new DriverRefusedError(`The Discord client would not send this: ${problems.join('; ')}`);
  };

  const dmChannelOf = (userId: string): string => {
    let id = world.dms.get(userId);
    if (!id) {
      const dm = world.addChannel({ name: world.users.get(userId)?.username ?? 'dm', type: 1, guildId: null });
      dm.memberIds.add(userId);
      world.dms.set(userId, dm.id);
      id = dm.id;
    }
    return id;
  };

  /** The fields every interaction carries, as Discord builds them. */
  const envelope = (actor: Actor & { dm?: boolean; locale?: string }, type: number, token: string, id: string): Obj => {
    const user = world.users.get(actor.userId);
    if (!user) throw new DriverRefusedError(`Unknown user ${actor.userId}`);
    const base = {
      id, application_id: world.applicationId, type, token, version: 1, locale: actor.locale ?? 'en-US', entitlements: [],
      attachment_size_limit: 10_485_760,
    };
    if (actor.dm || !actor.guildId) {
      const channel = world.channels.get(actor.dm ? dmChannelOf(actor.userId) : actor.channelId);
      return {
        ...base, channel_id: channel?.id, channel: channel ? apiChannel(world, channel) : undefined, user: apiUser(user), context: 1,
        authorizing_integration_owners: { '0': '0' }, app_permissions: '0',
      };
    }
    const guild = world.guilds.get(actor.guildId);
    const channel = world.liveChannel(actor.channelId);
    if (!guild || !channel) throw new DriverRefusedError(`Unknown guild ${actor.guildId} or channel ${actor.channelId}`);
    const member = partialMember(apiMember(world, guild, actor.userId), world.permissions(guild.id, actor.userId, channel.id), actor.member);
    return {
      ...base, guild_id: guild.id, guild: { id: guild.id, locale: guild.locale ?? 'en-US', features: [] }, guild_locale: guild.locale ?? 'en-US', context: 0,
      channel_id: channel.id, channel: { ...apiChannel(world, channel), permissions: world.permissions(guild.id, actor.userId, channel.id).toString() },
      member: member ?? undefined,
      authorizing_integration_owners: { '0': guild.id },
      app_permissions: world.permissions(guild.id, world.botUserId, channel.id).toString(),
    };
  };

  const send = (actor: Actor & { dm?: boolean; locale?: string }, type: number, data: Obj, extra: { message?: Message; commandName?: string } = {}): Promise<InteractionResult> => {
    const channelId = actor.dm ? dmChannelOf(actor.userId) : actor.channelId;
    const { pending, done } = interactions.open({
      type, channelId, guildId: actor.dm ? null : (actor.guildId ?? null), userId: actor.userId,
      sourceMessageId: extra.message?.id ?? null, commandName: extra.commandName ?? null,
    });
    const payload = { ...envelope(actor, type, pending.token, pending.id), data, ...(extra.message ? { message: apiMessage(world, extra.message) } : {}) };
    pending.dispatchedHr = process.hrtime.bigint();
    gateway.dispatch('INTERACTION_CREATE', payload);
    return done;
  };

  const commandData = (input: CommandInput, focused?: string): { data: Obj; name: string } => {
    const guildId = input.dm ? null : (input.guildId ?? null);
    const command = findCommand(world, guildId, input.name);
    if (!command) throw new DriverRefusedError(`No command /${input.name} is registered ${guildId ? `globally or in guild ${guildId}` : 'globally'}`);
    const problem = visibilityProblem(world, command, input);
    refuse(input.force, problem ? [problem] : []);
    const built = buildOptions(world, command, input, ctx.baseUrl(), focused);
    refuse(input.force, built.problems);
    const data: Obj = {
      id: command.id, name: input.name, type: 1, ...(command.guildId ? { guild_id: command.guildId } : {}),
      ...(built.options.length ? { options: built.options } : {}), ...(Object.keys(built.resolved).length ? { resolved: built.resolved } : {}),
    };
    return { data, name: input.name };
  };

  const messageFor = (actor: Actor, messageId: string, force?: boolean): Message => {
    const m = world.messages.get(messageId);
    if (!m || m.deleted || (m.channelId !== actor.channelId && world.dms.get(actor.userId) !== m.channelId)) {
      throw new DriverRefusedError(`No message ${messageId} in channel ${actor.channelId}`);
    }
    if (m.visibleTo && m.visibleTo !== actor.userId && !force) throw new DriverRefusedError(`Message ${messageId} is ephemeral and only visible to ${m.visibleTo}`);
    return m;
  };
  const components = (m: Message): Obj[] => m.components.flatMap((row) => ((row.components as Obj[] | undefined) ?? []));

  return {
    command(input) {
      const { data, name } = commandData(input);
      return send(input, 2, data, { commandName: name });
    },

    async autocomplete(input) {
      const { data, name } = commandData(input, input.focused);
      const result = await send(input, 4, data, { commandName: name });
      return result.choices ?? [];
    },

    click(input) {
      const m = messageFor(input, input.messageId, input.force);
      const button = components(m).find((c) => c.type === 2 && (input.customId ? c.custom_id === input.customId : c.label === input.label));
      if (!button) throw new DriverRefusedError(`No button ${input.customId ?? `"${input.label ?? ''}"`} on message ${m.id}`);
      const problems = [button.disabled ? 'the button is disabled' : '', button.style === 5 ? 'link buttons open a URL and send no interaction' : ''].filter(Boolean);
      refuse(input.force, problems);
      return send(input, 3, { custom_id: button.custom_id, component_type: 2 }, { message: m });
    },

    select(input) {
      const m = messageFor(input, input.messageId);
      const menu = components(m).find((c) => [3, 5, 6, 7, 8].includes(Number(c.type)) && (!input.customId || c.custom_id === input.customId));
      if (!menu) throw new DriverRefusedError(`No select menu ${input.customId ?? ''} on message ${m.id}`);
      const min = typeof menu.min_values === 'number' ? menu.min_values : 1;
      const max = typeof menu.max_values === 'number' ? menu.max_values : 1;
      const problems: string[] = [];
      if (input.values.length < min || input.values.length > max) problems.push(`pick between ${min} and ${max} values`);
      if (menu.disabled) problems.push('the menu is disabled');
      if (menu.type === 3) {
        const known = ((menu.options as Obj[] | undefined) ?? []).map((o) => o.value);
        for (const v of input.values) if (!known.includes(v)) problems.push(`"${v}" is not an option`);
      }
      refuse(false, problems);
      return send(input, 3, { custom_id: menu.custom_id, component_type: menu.type, values: input.values }, { message: m });
    },

    submitModal(input) {
      const problems: string[] = [];
      for (const f of input.modal.fields) {
        const v = input.values[f.customId] ?? '';
        if (f.required && v === '') problems.push(`"${f.label}" is required`);
        if (f.maxLength !== undefined && [...v].length > f.maxLength) problems.push(`"${f.label}" is longer than ${f.maxLength}`);
      }
      refuse(input.force, problems);
      const unknown = Object.keys(input.values).filter((key) => !input.modal.fields.some((f) => f.customId === key));
      refuse(false, unknown.map((key) => `the modal has no field "${key}"`));
      const rows = input.modal.fields.map((f) => ({ type: 1, components: [{ type: 4, custom_id: f.customId, value: input.values[f.customId] ?? '' }] }));
      const message = input.messageId ? messageFor(input, input.messageId) : undefined;
      return send(input, 5, { custom_id: input.modal.customId, components: rows }, message ? { message } : {});
    },

    rawComponent(input) {
      const m = messageFor(input, input.messageId, true);
      const data = { custom_id: input.customId, component_type: input.componentType ?? 2, ...(input.values ? { values: input.values } : {}) };
      return send(input, 3, data, { message: m });
    },

    react(input) {
      const m = messageFor({ channelId: input.channelId, userId: input.userId }, input.messageId);
      try {
        addReaction(ctx, m, input.userId, input.emoji);
      } catch (error) {
        throw new DriverRefusedError(`Cannot react with "${input.emoji}": ${(error as Error).message}`);
      }
    },

    unreact(input) {
      const m = messageFor({ channelId: input.channelId, userId: input.userId }, input.messageId);
      removeReaction(ctx, m, input.userId, input.emoji);
    },

    say(input) {
      const channel = world.liveChannel(input.channelId);
      if (!channel) throw new DriverRefusedError(`No channel ${input.channelId}`);
      if (channel.guildId && !has(world.permissions(channel.guildId, input.userId, channel.id), Perm.SendMessages)) {
        throw new DriverRefusedError(`${input.userId} cannot send messages in ${channel.id}`);
      }
      const body = { content: input.content, ...(input.replyTo ? { message_reference: { message_id: input.replyTo } } : {}) };
      const m = createMessage(world, { channelId: channel.id, guildId: channel.guildId, authorId: input.userId, body, files: [], baseUrl: ctx.baseUrl() });
      dispatchMessage(world, gateway, 'MESSAGE_CREATE', m);
      return messageView(world, m);
    },
  };
}

/** The member object of an interaction, full or cut down to what Actor.member asks for. */
function partialMember(member: Obj | null, permissions: bigint, shape: Actor['member']): Obj | null {
  if (!member) return null;
  const full = { ...member, permissions: permissions.toString() };
  if (!shape) return full;
  const user = member.user as Obj;
  const minimal: Obj = {
    user: { id: user.id, username: user.username, discriminator: user.discriminator, global_name: null, avatar: null },
    roles: member.roles, joined_at: null, deaf: false, mute: false, flags: 0, permissions: full.permissions,
  };
  if (shape === 'minimal') return minimal;
  const { roles: _roles, permissions: _permissions, ...stripped } = minimal;
  return stripped;
}
