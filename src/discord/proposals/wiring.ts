// Proposals in the bot's life cycle: reaction votes, members leaving, reconciliation after READY and after a
// reconnect (a deadline waits for its proposal's), and the scheduled close and 24-hour reminder.
import { CLOSE_JOB, REMINDER_JOB } from '../../proposals/ports.js';
import { skipJob } from '../../jobs/job-handler.js';
import { isDomainError } from '../../shared/errors.js';
import type { BotContext } from '../command.js';
import type { FeatureWiring, ReactionEvent } from '../feature-wiring.js';
import { createProposalPublisher } from './publish.js';
import { reconcilerFor } from './reconcile.js';
import { reminderDm, reminderInThread } from './words.js';
import { sayTo } from '../member-language.js';

/** The job's proposal id, or null for a payload without one (the job is then skipped). */
const proposalIdOf = (payload: Record<string, unknown>): number | null => {
  const id = Number(payload.proposalId);
  return Number.isInteger(id) && id > 0 ? id : null;
};

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
    return {
      async [CLOSE_JOB](job) {
        const id = proposalIdOf(job.payload);
        if (id === null) return skipJob('job without a proposal id');
        // Votes cast while the bot was away count before the proposal closes.
        await reconcilerFor(ctx).settled(job.guildId, id);
        let proposal = ctx.services.proposals.get(job.guildId, id);
        if (proposal.status === 'withdrawn') return skipJob('proposal was withdrawn');
        // A retry after a failed post finds the proposal closed already: publishing again is safe (nonces).
        const closed =
          proposal.status === 'open'
            ? ctx.services.proposals.close(job.guildId, id, null)
            : { proposal, announcementsChannelId: ctx.services.alliances.settings(job.guildId).announcementsChannelId, agendaUpdated: null };
        proposal = closed.proposal;
        await publisher.announceResult(closed);
        return { outcome: proposal.outcome };
      },

      async [REMINDER_JOB](job) {
        const id = proposalIdOf(job.payload);
        if (id === null) return skipJob('job without a proposal id');
        // Members who voted while the bot was away are not reminded to vote.
        await reconcilerFor(ctx).settled(job.guildId, id);
        let info;
        try {
          info = ctx.services.votes.reminder(job.guildId, id);
        } catch (error) {
          if (isDomainError(error)) return skipJob(error.message);
          throw error;
        }
        if (!info) return skipJob('proposal closed or already reminded');
        const p = info.proposal;
        if (p.threadId) await ctx.poster.post(p.threadId, { content: reminderInThread(publisher.sayPublic(p.guildId), p, info.notVoted) }, { idempotencyKey: `proposal-reminder:${p.id}` });
        let sent = 0;
        // Each member in the language they last used the bot in (else the alliance's).
        for (const userId of info.dmUserIds) {
          const dmText = reminderDm(sayTo(ctx, p.guildId, userId).say, p);
          const dm = await ctx.poster.dm(userId, { content: dmText }, { idempotencyKey: `proposal-reminder:${p.id}:${userId}` });
          if (dm) sent++;
        }
        ctx.services.votes.markReminderSent(job.guildId, id);
        return { notVoted: info.notVoted, dms: sent };
      },
    };
  },
};
