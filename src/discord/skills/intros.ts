// Introductions from Discord: a request delivered by DM (or a private thread when DMs are closed), and the
// answer delivered to both sides; the buttons and selects of /skills call these. Each member reads their own
// language: the one who clicks from the interaction, the other from their last answered interaction.
import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import { sayIn } from '../../i18n/translate.js';
import { invalid, msg } from '../../shared/errors.js';
import type { InteractionContext } from '../command.js';
import { userMention } from '../format.js';
import { replyPrivately } from '../respond.js';
import { deliverPrivately, memberLanguage } from './delivery.js';
import { renderDeclined, renderIntroduction, renderIntroRequest } from './intro-render.js';

export /** Asks `targetId` for an introduction by DM, or in a private thread here when their DMs are closed. */
async function requestIntro(interaction: ButtonInteraction | StringSelectMenuInteraction, targetId: string, ctx: InteractionContext): Promise<void> {
  const member = await interaction.guild?.members.fetch(targetId).catch(() => null);
  if (!member) throw invalid('user', msg('errors.discord.memberGone'));
  const intro = ctx.services.skills.requestIntro(ctx.actor, { user: targetId, userIsBot: member.user.bot, channelId: interaction.channelId });
  const theirs = memberLanguage(ctx, ctx.actor.guildId, targetId);
  const delivered = await deliverPrivately(ctx, {
    userIds: [targetId],
    channelId: intro.channelId,
    threadName: sayIn(theirs)('skills.intro.threadRequest'),
    payloadFor: () => renderIntroRequest(intro, interaction.guild?.name ?? null, theirs),
    idempotencyKey: `skills:intro:${intro.id}:request`,
  });
  const target = userMention(targetId);
  if (delivered[targetId] === 'none') {
    ctx.services.skills.cancelIntro(ctx.actor.guildId, intro.id);
    await replyPrivately(interaction, ctx.say('skills.intro.unreachable', { target }));
    return;
  }
  await replyPrivately(interaction, ctx.say('skills.intro.asked', { target, how: delivered[targetId] === 'dm' ? 'dm' : 'thread' }));
}

export async function answerIntro(interaction: ButtonInteraction | StringSelectMenuInteraction, introId: number, accept: boolean, ctx: InteractionContext): Promise<void> {
  const intro = ctx.services.skills.respondIntro(ctx.actor, introId, accept);
  // The one answering is the target (ctx.language); the requester reads what they last used.
  const languageOf = (userId: string | null) => (userId === ctx.actor.userId ? ctx.language : userId ? memberLanguage(ctx, intro.guildId, userId) : ctx.publicLanguage);
  const requesters = languageOf(intro.requesterId);
  if (accept) {
    await deliverPrivately(ctx, {
      userIds: [intro.requesterId, intro.targetId],
      channelId: intro.channelId,
      // A thread both share is read by both: in the alliance's language.
      threadName: ctx.sayPublic('skills.intro.threadIntroduction'),
      payloadFor: (userId) => ({ content: renderIntroduction(intro, userId, languageOf(userId)) }),
      idempotencyKey: `skills:intro:${intro.id}:introduce`,
    });
  } else {
    await deliverPrivately(ctx, {
      userIds: [intro.requesterId],
      channelId: intro.channelId,
      threadName: sayIn(requesters)('skills.intro.threadRequest'),
      payloadFor: () => ({ content: renderDeclined(intro, requesters) }),
      idempotencyKey: `skills:intro:${intro.id}:declined`,
    });
  }
  const done = ctx.say(accept ? 'skills.intro.acceptedDone' : 'skills.intro.declinedDone');
  await interaction.update({ content: `${interaction.message.content}\n\n${done}`, components: [], allowedMentions: { parse: [] } });
}
