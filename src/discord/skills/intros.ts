// Introductions from Discord: a request delivered by DM (or a private thread when DMs are closed), and the
// answer delivered to both sides; the buttons and selects of /skills call these.
import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import { invalid } from '../../shared/errors.js';
import type { InteractionContext } from '../command.js';
import { userMention } from '../format.js';
import { replyPrivately } from '../respond.js';
import { deliverPrivately } from './delivery.js';
import { renderDeclined, renderIntroduction, renderIntroRequest } from './render.js';

export /** Asks `targetId` for an introduction by DM, or in a private thread here when their DMs are closed. */
async function requestIntro(interaction: ButtonInteraction | StringSelectMenuInteraction, targetId: string, ctx: InteractionContext): Promise<void> {
  const member = await interaction.guild?.members.fetch(targetId).catch(() => null);
  if (!member) throw invalid('user', 'That member is no longer in this server.');
  const intro = ctx.services.skills.requestIntro(ctx.actor, { user: targetId, userIsBot: member.user.bot, channelId: interaction.channelId });
  const delivered = await deliverPrivately(ctx, {
    userIds: [targetId],
    channelId: intro.channelId,
    threadName: 'Introduction request',
    payloadFor: () => renderIntroRequest(intro, interaction.guild?.name ?? 'your alliance'),
    idempotencyKey: `skills:intro:${intro.id}:request`,
  });
  if (delivered[targetId] === 'none') {
    ctx.services.skills.cancelIntro(ctx.actor.guildId, intro.id);
    await replyPrivately(interaction, `I couldn't reach ${userMention(targetId)}: they don't accept DMs and I can't open a private thread here. Nothing was sent.`);
    return;
  }
  const how = delivered[targetId] === 'dm' ? 'by DM' : 'in a private thread';
  await replyPrivately(interaction, `📨 I asked ${userMention(targetId)} ${how} whether they'd like an introduction. I'll tell you when they answer.`);
}

export async function answerIntro(interaction: ButtonInteraction | StringSelectMenuInteraction, introId: number, accept: boolean, ctx: InteractionContext): Promise<void> {
  const intro = ctx.services.skills.respondIntro(ctx.actor, introId, accept);
  if (accept) {
    await deliverPrivately(ctx, {
      userIds: [intro.requesterId, intro.targetId],
      channelId: intro.channelId,
      threadName: 'Introduction',
      payloadFor: (userId) => ({ content: renderIntroduction(intro, userId) }),
      idempotencyKey: `skills:intro:${intro.id}:introduce`,
    });
  } else {
    await deliverPrivately(ctx, {
      userIds: [intro.requesterId],
      channelId: intro.channelId,
      threadName: 'Introduction request',
      payloadFor: () => ({ content: renderDeclined(intro) }),
      idempotencyKey: `skills:intro:${intro.id}:declined`,
    });
  }
  const done = accept ? '✅ You accepted: I introduced you to each other.' : 'You declined. They are told politely, without details.';
  await interaction.update({ content: `${interaction.message.content}\n\n${done}`, components: [], allowedMentions: { parse: [] } });
}
