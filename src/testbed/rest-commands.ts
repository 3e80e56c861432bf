// REST: application commands (global and per guild), plus the identity routes (/users/@me, /applications/@me, /gateway).
import { FormErrors, fail } from './errors.js';
import { botGuild, json, noContent, type Ctx } from './context.js';
import { snowflake } from './ids.js';
import type { Req, Router } from './router.js';
import { apiUser } from './serialize.js';
import type { Command } from './state.js';
import { validateCommand, validateCommandSet } from './validate-command.js';

type Obj = Record<string, unknown>;

export function registerCommandRoutes(router: Router, ctx: Ctx, gatewayUrl: () => string, shards = 1): void {
  const { world } = ctx;

  const scope = (req: Req): string | null => {
    if (req.params.app !== world.applicationId) throw fail.missingAccess();
    if (req.params.guild) botGuild(ctx, req.params.guild);
    return req.params.guild ?? null;
  };
  const inScope = (guildId: string | null): Command[] => [...world.commands.values()].filter((c) => c.guildId === guildId);
  const api = (c: Command): Obj => {
    const r = c.raw;
    const type = r.type === undefined ? 1 : Number(r.type);
    return {
      id: c.id, application_id: world.applicationId, version: c.version, type, name: r.name, name_localizations: r.name_localizations ?? null,
      description: type === 1 ? r.description : '', description_localizations: r.description_localizations ?? null,
      ...(r.options ? { options: r.options } : {}), default_member_permissions: r.default_member_permissions ?? null,
      dm_permission: r.dm_permission ?? true, nsfw: r.nsfw ?? false, integration_types: r.integration_types ?? [0],
      contexts: r.contexts ?? null, ...(c.guildId ? { guild_id: c.guildId } : {}),
    };
  };
  const upsert = (guildId: string | null, raw: Obj, existing?: Command): Command => {
    const type = raw.type === undefined ? 1 : Number(raw.type);
    const same = existing ?? inScope(guildId).find((c) => c.raw.name === raw.name && (c.raw.type === undefined ? 1 : Number(c.raw.type)) === type);
    const command: Command = { id: same?.id ?? snowflake(), guildId, version: snowflake(), raw: { ...raw, type } };
    world.commands.set(command.id, command);
    return command;
  };
  const one = (req: Req): Command => {
    const guildId = scope(req);
    const c = world.commands.get(req.params.command ?? '');
    if (!c || c.guildId !== guildId) throw fail.unknownCommand();
    return c;
  };

  for (const base of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
    router.on('GET', base, (req) => json(inScope(scope(req)).map(api)));
    router.on('PUT', base, (req) => {
      const guildId = scope(req);
      const list = validateCommandSet(req.body);
      const kept = list.map((raw) => upsert(guildId, raw));
      for (const c of inScope(guildId)) if (!kept.includes(c)) world.commands.delete(c.id);
      return json(kept.map(api));
    });
    router.on('POST', base, (req) => {
      const guildId = scope(req);
      const e = new FormErrors();
      validateCommand(e, [], req.body);
      e.throwIfAny();
      return json(api(upsert(guildId, req.body as Obj)), 201);
    });
    router.on('GET', `${base}/:command`, (req) => json(api(one(req))));
    router.on('PATCH', `${base}/:command`, (req) => {
      const c = one(req);
      const merged = { ...c.raw, ...(req.body as Obj) };
      const e = new FormErrors();
      validateCommand(e, [], merged);
      e.throwIfAny();
      return json(api(upsert(c.guildId, merged, c)));
    });
    router.on('DELETE', `${base}/:command`, (req) => {
      world.commands.delete(one(req).id);
      return noContent;
    });
  }

  router.on('GET', '/users/@me', () => json({ ...apiUser(world.users.get(world.botUserId)!), verified: true, mfa_enabled: false }));
  router.on('GET', '/users/:user', (req) => {
    const user = world.users.get(req.params.user ?? '');
    if (!user) throw fail.unknownUser();
    return json(apiUser(user));
  });
  router.on('GET', '/applications/@me', () => json({
    id: world.applicationId, name: world.users.get(world.botUserId)?.username, icon: null, description: '', bot_public: true,
    bot_require_code_grant: false, flags: 0, verify_key: '0'.repeat(64), team: null, owner: null,
    bot: apiUser(world.users.get(world.botUserId)!), approximate_guild_count: world.guilds.size, integration_types_config: { '0': {} },
  }));
  router.on('GET', '/gateway/bot', () => json({
    url: gatewayUrl(), shards,
    session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
  }));
  router.on('GET', '/gateway', () => json({ url: gatewayUrl() }), false);
}
