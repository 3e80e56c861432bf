// The contract of a command module (commands/*.ts): its definition, its handler, and the autocomplete,
// buttons, selects and modals that belong to the same conversation.
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Client,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { z } from 'zod';
import type { AllianceSettings } from '../alliances/alliances.service.js';
import type { Services } from '../services.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { RegistrationInfo } from './operations/doctor.js';
import type { Speakers } from './language.js';
import type { Poster } from './poster.js';

/** What every handler receives: services, never globals. */
export interface BotContext {
  services: Services;
  clock: Clock;
  logger: Logger;
  poster: Poster;
  client: Client;
  /** The commands this code registers and where: the doctor compares them with Discord's list. */
  registration?: RegistrationInfo;
  /** Base address of the public web page (PUBLIC_URL), or null when the bot serves no web page (HTTP_PORT unset). */
  publicUrl?: string | null;
}

/** What a handler of one interaction receives: who acts, the alliance's settings, and the languages to answer in. */
export interface InteractionContext extends BotContext, Speakers {
  actor: Actor;
  settings: AllianceSettings;
}

/** A button or select handler; `args` parses the rest of the custom id (see custom-id.ts). */
export interface ComponentHandler<A = unknown> {
  args: z.ZodType<A>;
  /** True: only organizers may press it (checked before run). */
  organizerOnly?: boolean;
  /**
   * For buttons the bot sends in DMs (e.g. accepting an introduction): the alliance the click belongs to,
   * read from the args. Without it a click in a DM is refused. The actor is then never an organizer.
   */
  dmGuild?(args: A): string;
  run(interaction: ButtonInteraction | StringSelectMenuInteraction, args: A, ctx: InteractionContext): Promise<void>;
}

export interface ModalHandler<A = unknown> {
  args: z.ZodType<A>;
  organizerOnly?: boolean;
  run(interaction: ModalSubmitInteraction, args: A, ctx: InteractionContext): Promise<void>;
}

export interface CommandModule {
  /** SlashCommandBuilder(...).toJSON(); guild-only contexts are applied by the registry. */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Subcommands (or "group subcommand") reserved to organizers; checked server-side before execute. */
  organizerSubcommands?: readonly string[];
  /** Whole command reserved to organizers (and default_member_permissions should say Manage Server). */
  organizerOnly?: boolean;
  /**
   * False for a command whose answers must not leave the member's language behind (/privacy: "delete what you
   * store about me" must not store a row right after). Otherwise each answered interaction remembers it, for DMs
   * later (reminders, match notices) which Discord sends without a locale.
   */
  remembersLanguage?: false;
  execute(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: InteractionContext): Promise<void>;
  /** Keyed by action name: custom ids `v1:<command>:<action>:<args…>`. */
  components?: Record<string, ComponentHandler<any>>;
  modals?: Record<string, ModalHandler<any>>;
}

/** Identity helper that keeps literal types while checking the shape. */
export function defineCommand(module: CommandModule): CommandModule {
  return module;
}
