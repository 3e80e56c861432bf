// Proposals in the bot's life cycle: reaction votes, members leaving, reconciliation after READY and after a
// reconnect (a deadline waits for its proposal's), and the scheduled close and 24-hour reminder (announcing and
// sending what the feature's job data says).
import { CLOSE_JOB, REMINDER_JOB } from '../../proposals/ports.js';
import { isSkipped } from '../../jobs/job-handler.js';
import type { Job } from '../../jobs/jobs.repo.js';
import { proposalIdOf } from '../../proposals/proposals.jobs.js';
import type { BotContext } from '../command.js';
import type { FeatureWiring, ReactionEvent } from '../feature-wiring.js';
import { createProposalPublisher } from './publish.js';
import { reconcilerFor } from './reconcile.js';
import { reminderDm, reminderInThread } from './words.js';
import { sayTo } from '../member-language.js';

function reactionTarget(event: ReactionEvent) {
  const message = event.reaction.message;
  return {
    guildId: message.guildId,
    channelId: message.channelId,
    messageId: message.id,
    emoji: event.reaction.emoji.id ? null : event.reaction.emoji.name,
    rawEmoji: event.reaction.emoji.id ? `${event.reaction.emoji.name}:${event.reaction.emoji.id}` : (event.reaction.emoji.name ?? ''),
  };
}

/** Reads every open proposal's reactions and brings stored votes in line; posts proposals never posted. */
export function reconcileAll(ctx: BotContext): Promise<void> {
  return reconcilerFor(ctx).pass();
}

export const proposalsWiring: FeatureWiring = {
  name: 'proposals',
  order: 40,

  // In the background after READY: a deadline or reminder job waits for its own proposal (reconcilerFor().settled).
  onReady: reconcileAll,

  onReconnect: reconcileAll,

  async onReactionAdd(event, ctx) {
    const target = reactionTarget(event);
    if (!target.guildId || event.user.id === ctx.client.user?.id) return;
    const decision = ctx.services.votes.reactionAdded({
      guildId: target.guildId,
      messageId: target.messageId,
      userId: event.user.id,
      emoji: target.emoji,
      isBot: event.user.bot === true,
    });
    if (decision.kind === 'ignore') return;
    const publisher = createProposalPublisher(ctx);
    if (decision.kind === 'remove' || decision.kind === 'needs_reason') {
      await publisher.removeReaction(target.channelId, target.messageId, target.rawEmoji, event.user.id);
      if (decision.kind === 'needs_reason') await publisher.askBlockReason(target.guildId, decision.proposalId, event.user.id);
      return;
    }
    await publisher.removeVoteReactions(target.channelId, target.messageId, decision.removeReactions);
    publisher.refresh(target.guildId, decision.proposalId);
  },

  async onReactionRemove(event, ctx) {
    const target = reactionTarget(event);
    if (!target.guildId || event.user.id === ctx.client.user?.id) return;
    const result = ctx.services.votes.reactionRemoved({ guildId: target.guildId, messageId: target.messageId, userId: event.user.id, emoji: target.emoji });
    if (result.kind === 'withdrawn') createProposalPublisher(ctx).refresh(target.guildId, result.proposalId);
  },

  async onMemberRemove(member, ctx) {
    const publisher = createProposalPublisher(ctx);
    for (const id of ctx.services.votes.memberLeft(member.guild.id, member.id)) publisher.refresh(member.guild.id, id);
  },

  jobHandlers(ctx) {
    const publisher = createProposalPublisher(ctx);
    /** Votes cast while the bot was away count first (a job without a proposal id is skipped by its data). */
    const settled = async (job: Job) => {
      const id = proposalIdOf(job);
      if (id !== null) await reconcilerFor(ctx).settled(job.guildId, id);
    };
    return {
      async [CLOSE_JOB](job) {
        await settled(job);
        const closed = ctx.services.jobData[CLOSE_JOB](job);
        if (isSkipped(closed)) return closed;
        await publisher.announceResult(closed);
        return { outcome: closed.proposal.outcome };
      },

      async [REMINDER_JOB](job) {
        // Members who voted while the bot was away are not reminded to vote.
        await settled(job);
        const info = ctx.services.jobData[REMINDER_JOB](job);
        if (isSkipped(info)) return info;
        const p = info.proposal;
        if (p.threadId) await ctx.poster.post(p.threadId, { content: reminderInThread(publisher.sayPublic(p.guildId), p, info.notVoted) }, { idempotencyKey: `proposal-reminder:${p.id}` });
        let sent = 0;
        // Each member in the language they last used the bot in (else the alliance's).
        for (const userId of info.dmUserIds) {
          const dmText = reminderDm(sayTo(ctx, p.guildId, userId).say, p);
          const dm = await ctx.poster.dm(userId, { content: dmText }, { idempotencyKey: `proposal-reminder:${p.id}:${userId}` });
          if (dm) sent++;
        }
        info.sent();
        return { notVoted: info.notVoted, dms: sent };
      },
    };
  },
};
