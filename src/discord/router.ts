// The interaction router: slash commands, subcommands, autocomplete, buttons, selects and modals all enter
// here, get their actor and alliance settings, pass the organizer guard, and fail through one error path.
import type { Interaction, RepliableInteraction } from 'discord.js';
import { guardAcknowledgement } from './acknowledge.js';
import type { BotContext, CommandModule, ComponentHandler, InteractionContext, ModalHandler } from './command.js';
import { decodeCustomId, parseCustomIdArgs } from './custom-id.js';
import { timestamp } from './format.js';
import { actorOf } from './guards.js';
import { memberSay, speakers } from './language.js';
import { isMemberOf } from './members.js';
import type { RateLimiter } from './rate-limit.js';
import { replyWithError } from './reply-error.js';
import { replyPrivately } from './respond.js';

/** If a handler has not answered by then, the router defers so Discord's 3-second deadline is never missed. */
export const SAFETY_DEFER_MS = 2_200;

/** The rate limit's window: RATE_LIMIT interactions per member per this many ms. */
export const RATE_WINDOW_MS = 10_000;

/** What the router itself tells a member, by message key (in the member's language). */
const TEXT = {
  dm: 'router.dm',
  unknownGuild: 'router.unknownGuild',
  unknownCommand: 'router.unknownCommand',
  staleComponent: 'router.staleComponent',
  notMember: 'router.notMember',
  organizersOnly: 'router.organizersOnly',
} as const;

/** A private answer from the router, in the language of the member who acted. */
function tell(interaction: RepliableInteraction, key: (typeof TEXT)[keyof typeof TEXT]): Promise<void> {
  return replyPrivately(interaction, memberSay(interaction.locale)(key));
}

export interface Router {
  handle(interaction: Interaction): Promise<void>;
  /** Resolves when every interaction in flight has finished (graceful shutdown). */
  idle(): Promise<void>;
}

function subcommandPath(interaction: Interaction): string | null {
  if (!interaction.isChatInputCommand()) return null;
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(false);
  return [group, sub].filter(Boolean).join(' ') || null;
}

export function createRouter(options: { commands: readonly CommandModule[]; ctx: BotContext; rateLimiter?: RateLimiter }): Router {
  const byName = new Map(options.commands.map((module) => [module.data.name, module]));
  const inFlight = new Set<Promise<void>>();
  const { ctx } = options;

  function isOrganizerOnly(module: CommandModule, interaction: Interaction): boolean {
    if (module.organizerOnly) return true;
    const path = subcommandPath(interaction);
    return path !== null && (module.organizerSubcommands ?? []).includes(path);
  }

  /** Defers at SAFETY_DEFER_MS unless the handler has begun to answer by then (see acknowledge.ts). */
  function safetyDefer(interaction: RepliableInteraction): NodeJS.Timeout {
    const guard = guardAcknowledgement(interaction);
    return setTimeout(() => {
      guard.safetyDefer((error: unknown) => ctx.logger.warn({ err: error, interactionId: interaction.id }, 'safety defer failed'));
    }, SAFETY_DEFER_MS);
  }


  /** A button or select in a DM whose handler names its alliance: run it for that alliance. */
  async function dispatchDmComponent(interaction: Interaction): Promise<boolean> {
    if (!interaction.isButton() && !interaction.isStringSelectMenu()) return false;
    const decoded = decodeCustomId(interaction.customId);
    const handler = decoded ? (byName.get(decoded.command)?.components?.[decoded.action] as ComponentHandler | undefined) : undefined;
    if (!decoded || !handler?.dmGuild) return false;
    const args = parseCustomIdArgs(handler.args, decoded.args);
    if (args === null) {
      await tell(interaction, TEXT.staleComponent);
      return true;
    }
    const guildId = handler.dmGuild(args);
    const guild = ctx.client.guilds.cache.get(guildId);
    if (!guild) {
      await tell(interaction, TEXT.staleComponent);
      return true;
    }
    // The alliance is read from the custom id, which a modified client can craft: act only for its members, so
    // someone who left (or never joined) changes nothing there.
    if (!(await isMemberOf(guild, interaction.user.id))) {
      await tell(interaction, TEXT.notMember);
      return true;
    }
    const settings = ctx.services.alliances.settings(guildId);
    const actor = { guildId, userId: interaction.user.id, isOrganizer: false, roleIds: [] };
    await handler.run(interaction, args, { ...ctx, actor, settings, ...speakers(interaction.locale, settings, guild.preferredLocale) });
    return true;
  }

  /**
   * After an answer that did not fail (a refusal throws, and stores nothing), the member's Discord language is kept
   * for what the bot later sends them outside an interaction; written once per change (see member-languages).
   */
  function rememberLanguage(module: CommandModule, context: InteractionContext): void {
    if (module.remembersLanguage === false) return;
    context.services.memberLanguages.remember(context.actor, context.language);
  }

  async function dispatch(interaction: Interaction): Promise<void> {
    if (!interaction.inGuild()) {
      if (await dispatchDmComponent(interaction)) return;
      if (interaction.isAutocomplete()) return interaction.respond([]);
      if (interaction.isRepliable()) return tell(interaction, TEXT.dm);
      return;
    }
    if (!interaction.inCachedGuild()) {
      if (interaction.isAutocomplete()) return interaction.respond([]);
      if (interaction.isRepliable()) return tell(interaction, TEXT.unknownGuild);
      return;
    }
    const settings = ctx.services.alliances.settings(interaction.guildId);
    const context: InteractionContext = {
      ...ctx,
      actor: actorOf(interaction, settings),
      settings,
      ...speakers(interaction.locale, settings, interaction.guildLocale ?? interaction.guild.preferredLocale),
    };

    if (interaction.isAutocomplete()) {
      const module = byName.get(interaction.commandName);
      if (!module?.autocomplete) return interaction.respond([]);
      return module.autocomplete(interaction, context);
    }
    if (interaction.isChatInputCommand()) {
      const module = byName.get(interaction.commandName);
      if (!module) return tell(interaction, TEXT.unknownCommand);
      if (isOrganizerOnly(module, interaction) && !context.actor.isOrganizer) return tell(interaction, TEXT.organizersOnly);
      await module.execute(interaction, context);
      return rememberLanguage(module, context);
    }
    if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()) {
      const decoded = decodeCustomId(interaction.customId);
      const module = decoded ? byName.get(decoded.command) : undefined;
      const table = interaction.isModalSubmit() ? module?.modals : module?.components;
      const handler = decoded ? (table?.[decoded.action] as ComponentHandler | ModalHandler | undefined) : undefined;
      const args = handler && decoded ? parseCustomIdArgs(handler.args, decoded.args) : null;
      if (!handler || args === null) return tell(interaction, TEXT.staleComponent);
      if (handler.organizerOnly && !context.actor.isOrganizer) return tell(interaction, TEXT.organizersOnly);
      if (interaction.isModalSubmit()) await (handler as ModalHandler).run(interaction, args, context);
      else await (handler as ComponentHandler).run(interaction, args, context);
      return rememberLanguage(module!, context);
    }
    if (interaction.isRepliable()) return tell(interaction, TEXT.staleComponent);
  }

  /**
   * A member over the limit is answered once per burst and nothing runs (organizers too: their commands write).
   * Autocomplete is not counted: it fires on every keystroke, stores nothing, and cannot show a message.
   */
  async function rateLimited(interaction: Interaction): Promise<boolean> {
    if (!options.rateLimiter || interaction.isAutocomplete()) return false;
    const verdict = options.rateLimiter.check(interaction.guildId ?? 'dm', interaction.user.id);
    if (verdict.allowed) return false;
    ctx.logger.debug({ interactionId: interaction.id, guildId: interaction.guildId, userId: interaction.user.id }, 'interaction rate-limited');
    if (verdict.tell && interaction.isRepliable()) await replyPrivately(interaction, memberSay(interaction.locale)('router.slowDown', { when: timestamp(Math.ceil(verdict.retryAt! / 1000) * 1000, 'R') }));
    return true;
  }

  async function handle(interaction: Interaction): Promise<void> {
    const timer = interaction.isRepliable() ? safetyDefer(interaction) : null;
    try {
      if (await rateLimited(interaction)) return;
      await dispatch(interaction);
    } catch (error) {
      await replyWithError(interaction, error, ctx.logger);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  return {
    handle(interaction) {
      const run = handle(interaction);
      inFlight.add(run);
      void run.finally(() => inFlight.delete(run));
      return run;
    },
    async idle() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
