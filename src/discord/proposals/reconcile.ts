// Bringing stored votes in line with the reactions on proposal messages after READY and after a reconnect, off
// the path to READY, and the gate a proposal's deadline and reminder jobs wait on so none acts on a stale tally.
import type { Client } from 'discord.js';
import type { ProposalView } from '../../proposals/proposals.views.js';
import type { BotContext } from '../command.js';
import { fetchHumans } from './humans.js';
import { createProposalPublisher } from './publish.js';

export interface Reconciler {
  /**
   * Starts a pass over every open proposal, earliest deadline first (a pass under way stops at its next proposal).
   * The proposals it covers are fixed before this returns, so a job checked with `settled` right after waits for it.
   */
  pass(): Promise<void>;
  /**
   * Resolves once the proposal is reconciled in the latest pass: at once when no pass covers it (opened since, or
   * not open), and out of turn when the pass has not reached it yet, so a deadline never waits behind the whole pass.
   */
  settled(guildId: string, proposalId: number): Promise<void>;
}

interface Pass {
  open: Map<number, ProposalView>;
  guilds: Map<string, Promise<void>>;
  proposals: Map<number, Promise<void>>;
}

// One reconciler per client (one bot = one client), like the publisher's debounce state: two bots in one process
// (tests, the shell) never share a pass.
const reconcilers = new WeakMap<Client, Reconciler>();

export function reconcilerFor(ctx: BotContext): Reconciler {
  let reconciler = reconcilers.get(ctx.client);
  if (!reconciler) reconcilers.set(ctx.client, (reconciler = createReconciler(ctx)));
  return reconciler;
}

function createReconciler(ctx: BotContext): Reconciler {
  const publisher = createProposalPublisher(ctx);
  let latest: Pass | null = null;

  /** Members who left while the bot was away no longer count: once per guild and pass, before its proposals. */
  async function syncGuild(guildId: string): Promise<void> {
    try {
      const present = new Set((await fetchHumans(ctx, guildId)).map((h) => h.id));
      for (const id of ctx.services.votes.syncMembers(guildId, present)) publisher.refresh(guildId, id);
    } catch (error) {
      ctx.logger.warn({ err: error, guildId }, 'could not read the member list; departures are checked on the next start');
    }
  }

  async function reconcileOne(proposal: ProposalView): Promise<void> {
    try {
      if (!proposal.channelId || !proposal.messageId) {
        await publisher.publish(proposal);
        return;
      }
      // Events recorded while the read is under way (it can take seconds: pages, rate limits) are newer than it.
      const mark = ctx.services.votes.readMark(proposal.guildId, proposal.id);
      const read = await publisher.readReactions(proposal.channelId, proposal.messageId);
      const result = ctx.services.votes.reconcile(proposal.guildId, proposal.id, read.votes, mark);
      await publisher.removeVoteReactions(proposal.channelId, proposal.messageId, result.remove);
      for (const stray of read.strays) await publisher.removeReaction(proposal.channelId, proposal.messageId, stray.emoji, stray.userId);
      for (const emoji of read.otherEmoji) await publisher.clearEmoji(proposal.channelId, proposal.messageId, emoji);
      for (const userId of result.askReason) await publisher.askBlockReason(proposal.guildId, proposal.id, userId);
      if (result.recorded || result.withdrawn) await publisher.refreshNow(proposal.guildId, proposal.id);
      ctx.logger.info({ proposalId: proposal.id, recorded: result.recorded, withdrawn: result.withdrawn }, 'proposal reconciled');
    } catch (error) {
      ctx.logger.warn({ err: error, proposalId: proposal.id }, 'could not reconcile a proposal');
    }
  }

  const guildOf = (pass: Pass, guildId: string): Promise<void> => {
    let done = pass.guilds.get(guildId);
    if (!done) pass.guilds.set(guildId, (done = syncGuild(guildId)));
    return done;
  };

  const proposalOf = (pass: Pass, proposal: ProposalView): Promise<void> => {
    let done = pass.proposals.get(proposal.id);
    if (!done) pass.proposals.set(proposal.id, (done = guildOf(pass, proposal.guildId).then(() => reconcileOne(proposal))));
    return done;
  };

  return {
    pass() {
      const open = ctx.services.proposals.allOpen().filter((p) => ctx.client.guilds.cache.has(p.guildId));
      const pass: Pass = { open: new Map(open.map((p) => [p.id, p])), guilds: new Map(), proposals: new Map() };
      latest = pass;
      const started = performance.now();
      return (async () => {
        for (const proposal of open) {
          // Superseded by a newer pass (a reconnect), or the bot is stopping: the rest is that pass's, or the next start's.
          if (latest !== pass || !ctx.client.isReady()) return;
          await proposalOf(pass, proposal);
        }
        ctx.logger.info({ proposals: open.length, alliances: new Set(open.map((p) => p.guildId)).size, ms: Math.round(performance.now() - started) }, 'open proposals reconciled');
      })();
    },

    settled(guildId, proposalId) {
      const pass = latest;
      const proposal = pass?.open.get(proposalId);
      if (!pass || !proposal || proposal.guildId !== guildId) return Promise.resolve();
      return proposalOf(pass, proposal);
    },
  };
}
