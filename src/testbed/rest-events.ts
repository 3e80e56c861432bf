// REST: guild scheduled events with Discord's validation (times, entity types, locations, status transitions).
import { FormErrors, fail } from './errors.js';
import { botGuild, json, noContent, type Ctx } from './context.js';
import { snowflake } from './ids.js';
import { has, Perm } from './permissions.js';
import type { Req, Router } from './router.js';
import { apiEvent } from './serialize.js';
import type { Guild, ScheduledEvent } from './state.js';

type Obj = Record<string, unknown>;
const TRANSITIONS: Record<number, number[]> = { 1: [1, 2, 4], 2: [2, 3], 3: [3], 4: [4] };

function validate(ctx: Ctx, guild: Guild, next: ScheduledEvent, b: Obj, creating: boolean): void {
  const e = new FormErrors();
  if (creating || b.name !== undefined) e.length(['name'], b.name, 1, 100);
  if (b.description !== undefined && b.description !== null) e.maxLength(['description'], b.description, 1000);
  if (creating && b.privacy_level === undefined) e.required(['privacy_level']);
  else if (b.privacy_level !== undefined) e.choices(['privacy_level'], b.privacy_level, [2]);
  if (creating && b.entity_type === undefined) e.required(['entity_type']);
  else if (b.entity_type !== undefined) e.choices(['entity_type'], b.entity_type, [1, 2, 3]);
  const start = Date.parse(next.start);
  if (creating && b.scheduled_start_time === undefined) e.required(['scheduled_start_time']);
  else if (Number.isNaN(start)) e.add(['scheduled_start_time'], 'DATE_TYPE_PARSE', 'Could not parse date. Should be ISO8601.');
  else if ((creating || b.scheduled_start_time !== undefined) && next.status === 1 && start <= ctx.now()) {
    e.add(['scheduled_start_time'], 'GUILD_SCHEDULED_EVENT_SCHEDULE_PAST', 'Cannot schedule event in the past.');
  }
  if (next.end !== null) {
    const end = Date.parse(next.end);
    if (Number.isNaN(end)) e.add(['scheduled_end_time'], 'DATE_TYPE_PARSE', 'Could not parse date. Should be ISO8601.');
    else if (!Number.isNaN(start) && end <= start) e.add(['scheduled_end_time'], 'GUILD_SCHEDULED_EVENT_END_BEFORE_START', 'Cannot schedule event to end before starting.');
  }
  if (next.entityType === 3) {
    if (!next.location) e.add(['entity_metadata', 'location'], 'BASE_TYPE_REQUIRED', 'This field is required');
    else e.length(['entity_metadata', 'location'], next.location, 1, 100);
    if (next.end === null) e.add(['scheduled_end_time'], 'BASE_TYPE_REQUIRED', 'This field is required');
    if (next.channelId !== null) e.add(['channel_id'], 'GUILD_SCHEDULED_EVENT_CHANNEL_NOT_ALLOWED', 'External events cannot have a channel');
  } else if (next.entityType === 1 || next.entityType === 2) {
    const channel = next.channelId ? ctx.world.liveChannel(next.channelId) : undefined;
    const wanted = next.entityType === 1 ? 13 : 2;
    if (!next.channelId) e.add(['channel_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    else if (!channel || channel.guildId !== guild.id) e.add(['channel_id'], 'CHANNEL_UNKNOWN', 'Unknown channel');
    else if (channel.type !== wanted) e.add(['channel_id'], 'GUILD_SCHEDULED_EVENT_INVALID_CHANNEL_TYPE', `Channel must be a ${wanted === 13 ? 'stage' : 'voice'} channel`);
  }
  e.throwIfAny();
}

export function registerEventRoutes(router: Router, ctx: Ctx): void {
  const { world, gateway } = ctx;

  const requireEventPerms = (guild: Guild): void => {
    const perms = world.permissions(guild.id, world.botUserId);
    if (!has(perms, Perm.ManageEvents) && !has(perms, Perm.CreateEvents)) throw fail.missingPermissions();
  };
  const find = (req: Req): { guild: Guild; event: ScheduledEvent } => {
    const guild = botGuild(ctx, req.params.guild ?? '');
    const event = guild.events.get(req.params.event ?? '');
    if (!event) throw fail.unknownEvent();
    return { guild, event };
  };
  const merge = (base: ScheduledEvent, b: Obj): ScheduledEvent => {
    const meta = b.entity_metadata as Obj | null | undefined;
    return {
      ...base,
      ...(typeof b.name === 'string' ? { name: b.name } : {}),
      ...(b.description !== undefined ? { description: (b.description as string | null) ?? null } : {}),
      ...(b.scheduled_start_time !== undefined ? { start: String(b.scheduled_start_time) } : {}),
      ...(b.scheduled_end_time !== undefined ? { end: b.scheduled_end_time === null ? null : String(b.scheduled_end_time) } : {}),
      ...(b.entity_type !== undefined ? { entityType: Number(b.entity_type) } : {}),
      ...(b.channel_id !== undefined ? { channelId: (b.channel_id as string | null) ?? null } : {}),
      ...(meta !== undefined ? { location: typeof meta?.location === 'string' ? meta.location : null } : {}),
      ...(typeof b.privacy_level === 'number' ? { privacyLevel: b.privacy_level } : {}),
    };
  };

  router.on('POST', '/guilds/:guild/scheduled-events', (req) => {
    const guild = botGuild(ctx, req.params.guild ?? '');
    requireEventPerms(guild);
    const b = (req.body ?? {}) as Obj;
    const blank: ScheduledEvent = {
      id: snowflake(), guildId: guild.id, name: '', description: null, start: '', end: null, entityType: 0, channelId: null,
      location: null, status: 1, creatorId: world.botUserId, privacyLevel: 2,
    };
    const event = merge(blank, b);
    validate(ctx, guild, event, b, true);
    guild.events.set(event.id, event);
    world.events.set(event.id, event);
    gateway.dispatch('GUILD_SCHEDULED_EVENT_CREATE', apiEvent(world, event));
    return json(apiEvent(world, event));
  });
  router.on('GET', '/guilds/:guild/scheduled-events', (req) => json([...botGuild(ctx, req.params.guild ?? '').events.values()].map((e) => apiEvent(world, e))));
  router.on('GET', '/guilds/:guild/scheduled-events/:event', (req) => json(apiEvent(world, find(req).event)));
  router.on('PATCH', '/guilds/:guild/scheduled-events/:event', (req) => {
    const { guild, event } = find(req);
    requireEventPerms(guild);
    const b = (req.body ?? {}) as Obj;
    const next = merge(event, b);
    if (b.status !== undefined) {
      const status = Number(b.status);
      if (!(TRANSITIONS[event.status] ?? []).includes(status)) {
        const e = new FormErrors();
        e.add(['status'], 'GUILD_SCHEDULED_EVENT_INVALID_STATUS_TRANSITION', `Cannot change the status of an event from ${event.status} to ${status}.`);
        e.throwIfAny();
      }
      next.status = status;
    }
    if (event.status !== 1 && (b.scheduled_start_time !== undefined || b.entity_type !== undefined)) {
      const e = new FormErrors();
      e.add(['scheduled_start_time'], 'GUILD_SCHEDULED_EVENT_NOT_SCHEDULED', 'Only scheduled events can be rescheduled.');
      e.throwIfAny();
    }
    validate(ctx, guild, next, b, false);
    Object.assign(event, next);
    gateway.dispatch('GUILD_SCHEDULED_EVENT_UPDATE', apiEvent(world, event));
    return json(apiEvent(world, event));
  });
  router.on('DELETE', '/guilds/:guild/scheduled-events/:event', (req) => {
    const { guild, event } = find(req);
    requireEventPerms(guild);
    guild.events.delete(event.id);
    world.events.delete(event.id);
    gateway.dispatch('GUILD_SCHEDULED_EVENT_DELETE', apiEvent(world, event));
    return noContent;
  });
}
