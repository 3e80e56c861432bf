// The proposals feature's Discord side effects: posting a proposal (embed, thread, voting reactions or ballot
// buttons), debounced live-tally edits, results in the thread and announcements, and reading/removing reactions.
import { Routes, type APIChannel, type APIMessage, type APIUser, type Client } from 'discord.js';
import type { Choice } from '../../db/schema/index.js';
import type { ClosedProposal } from '../../proposals/proposals.service.js';
import type { ProposalView } from '../../proposals/proposals.views.js';
import type { PresentReaction } from '../../proposals/reconcile.rules.js';
import { CHOICE_EMOJI, choiceForEmoji, choicesFor } from '../../proposals/tally.rules.js';
import { sayIn, type Say } from '../../i18n/translate.js';
import type { BotContext } from '../command.js';
import { truncate } from '../format.js';
import { publicLanguageOf } from '../language.js';
import { DETAIL_LINES_MAX, renderBallotButtons, renderBlockPrompt, renderProposal, renderResult, votesByButtons } from './render.js';

/** At most one edit of a proposal message per this many ms, so a burst of votes does not hit rate limits. */
export const TALLY_EDIT_GAP_MS = 2_000;
const PAGE = 100;

interface RefreshState {
  timer: NodeJS.Timeout | null;
  lastEditAt: number;
}

// Debounce state lives per client (one bot = one client) rather than in a module global, so two bots in one
// process (tests, the shell) never share timers.
const refreshStates = new WeakMap<Client, Map<number, RefreshState>>();

const encodeEmoji = (emoji: { id?: string | null; name?: string | null }) =>
  encodeURIComponent(emoji.id ? `${emoji.name}:${emoji.id}` : (emoji.name ?? ''));

export interface ReadReactions {
  /** Vote reactions from members (the bot's own excluded, other bots flagged for removal). */
  votes: PresentReaction[];
  /** Reactions to remove outright: from other bots. */
  strays: { userId: string; emoji: string }[];
  /** Emoji that are not voting options: cleared from the message in one request each. */
  otherEmoji: string[];
}

export function createProposalPublisher(ctx: BotContext) {
  const { client, services, logger } = ctx;
  let states = refreshStates.get(client);
  if (!states) refreshStates.set(client, (states = new Map()));

  /** Posts everyone reads speak the alliance's language, whether an interaction or a scheduled job posts them. */
  const sayPublic = (guildId: string): Say => sayIn(publicLanguageOf(client, services.alliances.settings(guildId), guildId));

  async function refreshNow(guildId: string, proposalId: number): Promise<void> {
    const view = services.proposals.get(guildId, proposalId);
    if (!view.channelId || !view.messageId) return;
    const say = sayPublic(guildId);
    await ctx.poster.edit(view.channelId, view.messageId, { embeds: [renderProposal(say, view)], components: renderBallotButtons(say, view) });
  }

  async function removeReaction(channelId: string, messageId: string, emoji: string, userId: string): Promise<void> {
    try {
      await client.rest.delete(Routes.channelMessageUserReaction(channelId, messageId, encodeURIComponent(emoji), userId));
    } catch (error) {
      logger.warn({ err: error, channelId, messageId, userId }, 'could not remove a reaction');
    }
  }

  return {
    refreshNow,
    sayPublic,

    /** Schedules an edit of the live tally: at once if the last edit is old enough, else once the gap has passed. */
    refresh(guildId: string, proposalId: number): void {
      const state = states.get(proposalId) ?? { timer: null, lastEditAt: 0 };
      states.set(proposalId, state);
      if (state.timer) return;
      const wait = Math.max(0, state.lastEditAt + TALLY_EDIT_GAP_MS - Date.now());
      state.timer = setTimeout(() => {
        state.timer = null;
        state.lastEditAt = Date.now();
        refreshNow(guildId, proposalId).catch((error: unknown) => logger.warn({ err: error, proposalId }, 'live tally edit failed'));
      }, wait);
      state.timer.unref?.();
    },

    /** Posts an open proposal where members vote; the message id is stored before any reaction can arrive. */
    async publish(view: ProposalView): Promise<ProposalView> {
      const channelId = services.alliances.settings(view.guildId).proposalsChannelId;
      if (!channelId) throw new Error('no proposals channel');
      const say = sayPublic(view.guildId);
      const posted = await ctx.poster.post(
        channelId,
        { embeds: [renderProposal(say, view)], components: renderBallotButtons(say, view) },
        { idempotencyKey: `proposal:${view.id}` },
      );
      let threadId: string | null = null;
      try {
        const thread = (await client.rest.post(Routes.threads(posted.channelId, posted.messageId), {
          body: { name: truncate(`#${view.number} ${view.title}`, 100), auto_archive_duration: 10080 },
        })) as APIChannel;
        threadId = thread.id;
      } catch (error) {
        logger.warn({ err: error, proposalId: view.id }, 'could not open the discussion thread');
      }
      services.proposals.attachMessage(view.guildId, view.id, { channelId: posted.channelId, messageId: posted.messageId, threadId });
      if (!votesByButtons(view)) {
        // The bot's own reactions only make voting one click; the proposal is open without them (members can add the
        // emoji themselves), so a Discord failure here must not turn an opened proposal into an error.
        for (const choice of choicesFor(view.rule)) {
          try {
            await client.rest.put(Routes.channelMessageOwnReaction(posted.channelId, posted.messageId, encodeURIComponent(CHOICE_EMOJI[choice])));
          } catch (error) {
            logger.warn({ err: error, proposalId: view.id, choice }, 'could not add a voting reaction');
          }
        }
      }
      return services.proposals.get(view.guildId, view.id);
    },

    /** Final embed, the result in the thread (then locked) and in the announcements channel. Safe to repeat. */
    async announceResult(closed: ClosedProposal): Promise<void> {
      const p = closed.proposal;
      if (p.channelId && p.messageId) await refreshNow(p.guildId, p.id);
      // A hide-results proposal's named votes were hidden while open: the result reveals them.
      const ballots = p.status === 'closed' && p.hideResults && !p.anonymous ? services.votes.ballots(p.guildId, p.id, DETAIL_LINES_MAX) : null;
      const result = { embeds: [renderResult(sayPublic(p.guildId), p, ballots?.voters ? { votes: ballots.voters, labels: ballots.labels } : null)] };
      if (p.threadId) {
        await ctx.poster.post(p.threadId, result, { idempotencyKey: `proposal-result-thread:${p.id}` });
        try {
          await client.rest.patch(Routes.channel(p.threadId), { body: { locked: true } });
        } catch (error) {
          logger.warn({ err: error, proposalId: p.id }, 'could not lock the proposal thread');
        }
      }
      if (closed.announcementsChannelId) {
        await ctx.poster.post(closed.announcementsChannelId, result, { idempotencyKey: `proposal-result:${p.id}` });
      }
    },

    /**
     * A 🛑 came without a reason: the member is asked in the proposal's thread (pinged by id, on purpose) with a
     * button that opens the reason form; the block counts once the reason is given. A reaction does not say the
     * member's language and the thread is public, so the prompt speaks the alliance's.
     */
    async askBlockReason(guildId: string, proposalId: number, userId: string): Promise<void> {
      const p = services.proposals.get(guildId, proposalId);
      const where = p.threadId ?? p.channelId;
      if (!where) return;
      try {
        await ctx.poster.post(where, renderBlockPrompt(sayPublic(guildId), p, userId));
      } catch (error) {
        logger.warn({ err: error, proposalId }, 'could not ask for a block reason');
      }
    },

    async removeVoteReactions(channelId: string, messageId: string, reactions: PresentReaction[]): Promise<void> {
      for (const r of reactions) await removeReaction(channelId, messageId, CHOICE_EMOJI[r.choice], r.userId);
    },

    removeReaction,

    /** Reads every reaction on a proposal message: one request for the message, then 100 users per page. */
    async readReactions(channelId: string, messageId: string): Promise<ReadReactions> {
      const message = (await client.rest.get(Routes.channelMessage(channelId, messageId))) as APIMessage;
      const out: ReadReactions = { votes: [], strays: [], otherEmoji: [] };
      for (const reaction of message.reactions ?? []) {
        const choice: Choice | null = reaction.emoji.id ? null : choiceForEmoji(reaction.emoji.name);
        if (!choice) {
          out.otherEmoji.push(encodeEmoji(reaction.emoji));
          continue;
        }
        // Only the bot reacted: nothing to read.
        if (reaction.count - (reaction.me ? 1 : 0) <= 0) continue;
        let after: string | undefined;
        let seen = 0;
        while (seen < reaction.count) {
          const query = new URLSearchParams({ limit: String(PAGE), ...(after ? { after } : {}) });
          const users = (await client.rest.get(Routes.channelMessageReaction(channelId, messageId, encodeEmoji(reaction.emoji)), { query })) as APIUser[];
          for (const user of users) {
            if (user.id === client.user?.id) continue;
            if (user.bot) out.strays.push({ userId: user.id, emoji: CHOICE_EMOJI[choice] });
            else out.votes.push({ userId: user.id, choice });
          }
          seen += users.length;
          if (users.length < PAGE) break;
          after = users[users.length - 1]!.id;
        }
      }
      return out;
    },

    async clearEmoji(channelId: string, messageId: string, encodedEmoji: string): Promise<void> {
      try {
        await client.rest.delete(Routes.channelMessageReaction(channelId, messageId, encodedEmoji));
      } catch (error) {
        logger.warn({ err: error, channelId, messageId }, 'could not clear a stray reaction');
      }
    },
  };
}

export type ProposalPublisher = ReturnType<typeof createProposalPublisher>;
