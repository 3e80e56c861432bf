// How a feature plugs into the bot's life cycle beyond slash commands: scheduled jobs, planners, start-up and
// reconnect work (e.g. reconciling votes), reactions and member events. Each feature exports one FeatureWiring
// from src/discord/<feature>/wiring.ts and lists it in src/discord/features.ts.
import type { GuildMember, MessageReaction, PartialGuildMember, PartialMessageReaction, PartialUser, User } from 'discord.js';
import type { JobHandler, Planner } from '../jobs/job-handler.js';
import type { BotContext } from './command.js';

export interface ReactionEvent {
  reaction: MessageReaction | PartialMessageReaction;
  user: User | PartialUser;
  /** Member roles as Discord sent them with the event (guild reactions carry the member). */
  memberRoleIds: string[] | null;
}

export interface FeatureWiring {
  name: string;
  /**
   * Handlers for the job kinds this feature plans (kind → handler): each takes the feature's data for the due job
   * (`ctx.services.jobData[kind](job)`), renders and posts it; the data, not the handler, decides and skips.
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
