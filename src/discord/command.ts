// The contract of a command module (commands/<name>.ts): its definition, its handler, and the autocomplete,
// buttons, selects and modals that belong to the same conversation; and its shape, checked when commands/index.ts
// finds the module by its folder.
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Client,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import { z } from 'zod';
import type { AllianceSettings } from '../alliances/alliances.service.js';
import type { Services } from '../services.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { aFunction } from './discover.js';
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
  /** SlashCommandBuilder(...).toJSON(); guild-only contexts are applied by the registry. Named like its file. */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /**
   * Its place in /help and in the list registered with Discord, lower first: /help is 0, the others step by 10
   * (alliance 10 … privacy 200), so a new command takes a free number where members should find it.
   */
  order: number;
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

const aSchema = z.custom<z.ZodType>((value) => typeof value === 'object' && value !== null && 'safeParse' in value && typeof value.safeParse === 'function', {
  error: 'must be a zod schema',
});

const componentHandler = z.strictObject({
  args: aSchema,
  organizerOnly: z.boolean().optional(),
  dmGuild: aFunction<(args: unknown) => string>().optional(),
  run: aFunction<ComponentHandler['run']>(),
});

const modalHandler = z.strictObject({ args: aSchema, organizerOnly: z.boolean().optional(), run: aFunction<ModalHandler['run']>() });

/** What a commands/<name>.ts export must be to be a command (and data.name is <name>): checked at start-up, since no list names it. */
export const commandModuleShape: z.ZodType<CommandModule> = z.strictObject({
  data: z.looseObject({ name: z.string(), description: z.string() }),
  order: z.number().int(),
  organizerSubcommands: z.array(z.string()).readonly().optional(),
  organizerOnly: z.boolean().optional(),
  remembersLanguage: z.literal(false).optional(),
  execute: aFunction<CommandModule['execute']>(),
  autocomplete: aFunction<NonNullable<CommandModule['autocomplete']>>().optional(),
  components: z.record(z.string(), componentHandler).optional(),
  modals: z.record(z.string(), modalHandler).optional(),
});
