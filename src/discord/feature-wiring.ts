// How a feature plugs into the bot's life cycle beyond slash commands: scheduled jobs, planners, start-up and
// reconnect work (e.g. reconciling votes), reactions and member events. A feature that has any exports one
// FeatureWiring from src/discord/<feature>/wiring.ts; src/discord/features.ts finds it there and checks its shape.
import type { GuildMember, MessageReaction, PartialGuildMember, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { z } from 'zod';
import type { JobHandler, Planner } from '../jobs/job-handler.js';
import type { BotContext } from './command.js';
import { aFunction } from './discover.js';

export interface ReactionEvent {
  reaction: MessageReaction | PartialMessageReaction;
  user: User | PartialUser;
  /** Member roles as Discord sent them with the event (guild reactions carry the member). */
  memberRoleIds: string[] | null;
}

export interface FeatureWiring {
  /** The feature's folder name (src/discord/<name>/wiring.ts). */
  name: string;
  /**
   * Its place among the wirings, lower first: the order planners run in at each tick (so jobs planned for the same
   * minute get their ids, and run, in that order) and events reach the features. Today's step by 10 (rhythm 10 …
   * backups 70), so a new feature takes a free number.
   */
  order: number;
  /**
   * Handlers for the job kinds this feature plans (kind → handler): each takes the feature's data for the due job
   * (`ctx.services.jobData[kind](job)`), renders and posts it; the data, not the handler, decides and skips.
   * Checked at start-up against the composed job data (src/discord/job-handlers.ts): one handler per kind with data.
   */
  jobHandlers?(ctx: BotContext): Record<string, JobHandler>;
  /** Planners that add upcoming recurring jobs; run at the start of every scheduler tick. */
  planners?(ctx: BotContext): Planner[];
  /**
   * Started after READY and not waited for (e.g. reconcile votes made while the bot was down): the scheduler runs
   * meanwhile, so a job that depends on this work waits for its own part of it.
   */
  onReady?(ctx: BotContext): Promise<void>;
  /**
   * Once the bot is ready and answering (warm caches ahead of first use). Runs on a later turn of the event loop,
   * never on the path to ready: members' interactions are already being answered.
   */
  afterReady?(ctx: BotContext): void;
  /** After the gateway resumed or reconnected (events may have been missed). */
  onReconnect?(ctx: BotContext): Promise<void>;
  onReactionAdd?(event: ReactionEvent, ctx: BotContext): Promise<void>;
  onReactionRemove?(event: ReactionEvent, ctx: BotContext): Promise<void>;
  onMemberRemove?(member: GuildMember | PartialGuildMember, ctx: BotContext): Promise<void>;
}

/** What a src/discord/<name>/wiring.ts export must be to be a wiring (named <name>): checked at start-up, since no list names it. */
export const featureWiringShape: z.ZodType<FeatureWiring> = z.strictObject({
  name: z.string(),
  order: z.number().int(),
  jobHandlers: aFunction<NonNullable<FeatureWiring['jobHandlers']>>().optional(),
  planners: aFunction<NonNullable<FeatureWiring['planners']>>().optional(),
  onReady: aFunction<NonNullable<FeatureWiring['onReady']>>().optional(),
  afterReady: aFunction<NonNullable<FeatureWiring['afterReady']>>().optional(),
  onReconnect: aFunction<NonNullable<FeatureWiring['onReconnect']>>().optional(),
  onReactionAdd: aFunction<NonNullable<FeatureWiring['onReactionAdd']>>().optional(),
  onReactionRemove: aFunction<NonNullable<FeatureWiring['onReactionRemove']>>().optional(),
  onMemberRemove: aFunction<NonNullable<FeatureWiring['onMemberRemove']>>().optional(),
});
