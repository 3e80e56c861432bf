// REST: guilds, their channels, roles and members (list, fetch, role changes).
import { ApiError, fail } from './errors.js';
import { botGuild, json, noContent, type Ctx } from './context.js';
import { has, Perm } from './permissions.js';
import type { Req, Router } from './router.js';
import { apiChannel, apiGuild, apiMember, apiRole, liveChannels } from './serialize.js';
import { isThread, type Guild } from './state.js';

export function registerGuildRoutes(router: Router, ctx: Ctx): void {
  const { world, gateway } = ctx;

  const member = (guild: Guild, userId: string): Record<string, unknown> => {
    const m = apiMember(world, guild, userId);
    if (!m) throw fail.unknownMember();
    return m;
  };
  const requireMembersIntent = (): void => {
    if (!ctx.privilegedIntents.includes('GuildMembers')) throw fail.missingAccess();
  };
  const limitOf = (req: Req, fallback: number, max: number): number => {
    const limit = req.query.has('limit') ? Number(req.query.get('limit')) : fallback;
    if (!Number.isInteger(limit) || limit < 1 || limit > max) {
      throw new ApiError(400, 50035, 'Invalid Form Body', { limit: { _errors: [{ code: 'NUMBER_TYPE_MAX', message: `int value should be less than or equal to ${max}.` }] } });
    }
    return limit;
  };

  router.on('GET', '/guilds/:guild', (req) => {
    const guild = botGuild(ctx, req.params.guild ?? '');
    const counts = req.query.get('with_counts') === 'true' ? { approximate_member_count: guild.members.size, approximate_presence_count: 0 } : {};
    return json({ ...apiGuild(world, guild), ...counts });
  });
  router.on('GET', '/guilds/:guild/channels', (req) => {
    const guild = botGuild(ctx, req.params.guild ?? '');
    return json(liveChannels(world, guild).filter((c) => !isThread(c.type)).map((c) => apiChannel(world, c)));
  });
  router.on('GET', '/guilds/:guild/threads/active', (req) => {
    const guild = botGuild(ctx, req.params.guild ?? '');
    const threads = liveChannels(world, guild).filter((c) => isThread(c.type) && !c.archived);
    return json({ threads: threads.map((c) => apiChannel(world, c)), members: [] });
  });
  router.on('GET', '/guilds/:guild/roles', (req) => json([...botGuild(ctx, req.params.guild ?? '').roles.values()].map(apiRole)));
  router.on('GET', '/guilds/:guild/members/search', (req) => {
    const guild = botGuild(ctx, req.params.guild ?? '');
    const query = (req.query.get('query') ?? '').toLowerCase();
    const limit = limitOf(req, 1, 1000);
    const ids = [...guild.members.keys()].filter((id) => world.users.get(id)?.username.toLowerCase().startsWith(query)).slice(0, limit);
    return json(ids.map((id) => member(guild, id)));
  });
  router.on('GET', '/guilds/:guild/members/:user', (req) => json(member(botGuild(ctx, req.params.guild ?? ''), req.params.user ?? '')));
  router.on('GET', '/guilds/:guild/members', (req) => {
    const guild = botGuild(ctx, req.params.guild ?? '');
    requireMembersIntent();
    const limit = limitOf(req, 1, 1000);
    const after = BigInt(req.query.get('after') ?? '0');
    const ids = [...guild.members.keys()].filter((id) => BigInt(id) > after).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)).slice(0, limit);
    return json(ids.map((id) => member(guild, id)));
  });

  const changeRole = (req: Req, add: boolean): { status: 204 } => {
    const guild = botGuild(ctx, req.params.guild ?? '');
    const target = guild.members.get(req.params.user ?? '');
    if (!target) throw fail.unknownMember();
    const role = guild.roles.get(req.params.role ?? '');
    if (!role || role.id === guild.id) throw fail.unknownRole();
    const perms = world.permissions(guild.id, world.botUserId);
    const botTop = Math.max(0, ...(guild.members.get(world.botUserId)?.roles ?? []).map((id) => guild.roles.get(id)?.position ?? 0));
    // Role hierarchy: a bot can only hand out roles below its own highest role.
    if (!has(perms, Perm.ManageRoles) || role.position >= botTop || role.managed) throw fail.missingPermissions();
    const had = target.roles.includes(role.id);
    if (add && !had) target.roles.push(role.id);
    if (!add && had) target.roles = target.roles.filter((id) => id !== role.id);
    if (add !== had) gateway.dispatch('GUILD_MEMBER_UPDATE', { guild_id: guild.id, ...member(guild, target.userId) });
    return noContent;
  };
  router.on('PUT', '/guilds/:guild/members/:user/roles/:role', (req) => changeRole(req, true));
  router.on('DELETE', '/guilds/:guild/members/:user/roles/:role', (req) => changeRole(req, false));
}
