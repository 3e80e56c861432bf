// The buttons and selects of /skills: remove from the list, request / accept / decline an introduction, "did it
// help?", keep a need, stop reminders. Each answers the member who clicked, in their language.
import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import { z } from 'zod';
import { dayOfInstant } from '../../shared/day-words.js';
import { invalid, msg } from '../../shared/errors.js';
import type { ComponentHandler, InteractionContext } from '../command.js';
import { snowflake } from '../options.js';
import { answerIntro, requestIntro } from './intros.js';
import { entryLabel, renderEntries } from './render.js';

const dmArgs = z.tuple([snowflake, z.coerce.number().int().positive()]);
const update = (interaction: ButtonInteraction | StringSelectMenuInteraction, content: string) =>
  interaction.update({ content, components: [], embeds: [], allowedMentions: { parse: [] } });
/** The alliance's time zone: days are written as its calendar shows them. */
const zone = (ctx: InteractionContext): string => ctx.services.alliances.settings(ctx.actor.guildId).timezone;
/** Whoever clicks tells us their language: later DMs to them (notices, reminders) use it, once the click worked. */
function remembered<A>(handler: ComponentHandler<A>): ComponentHandler<A> {
  const { run } = handler;
  return Object.assign(handler, {
    async run(interaction: ButtonInteraction | StringSelectMenuInteraction, args: A, ctx: InteractionContext) {
      await run(interaction, args, ctx);
      ctx.services.memberLanguages.remember(ctx.actor, ctx.language);
    },
  });
}

const handlers: Record<string, ComponentHandler<any>> = {
  rm: {
    args: z.tuple([z.coerce.number().int().positive()]),
    async run(interaction, [id]: [number], ctx) {
      ctx.services.skills.remove(ctx.actor, id);
      const rendered = renderEntries(ctx.services.skills.mine(ctx.actor), ctx.language);
      await interaction.update({ content: rendered.content ?? '', embeds: rendered.embeds, components: rendered.components, allowedMentions: { parse: [] } });
    },
  },
  intro: {
    args: z.tuple([snowflake]),
    run: (interaction, [userId]: [string], ctx) => requestIntro(interaction, userId, ctx),
  },
  'intro-pick': {
    args: z.tuple([]),
    async run(interaction, _args, ctx) {
      const userId = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
      if (!userId || !snowflake.safeParse(userId).success) throw invalid('user', msg('skills.pickMember'));
      await requestIntro(interaction, userId, ctx);
    },
  },
  accept: {
    args: dmArgs,
    dmGuild: ([guildId]: [string, number]) => guildId,
    run: (interaction, [, id]: [string, number], ctx) => answerIntro(interaction, id, true, ctx),
  },
  decline: {
    args: dmArgs,
    dmGuild: ([guildId]: [string, number]) => guildId,
    run: (interaction, [, id]: [string, number], ctx) => answerIntro(interaction, id, false, ctx),
  },
  helped: {
    args: z.tuple([snowflake, z.coerce.number().int().positive(), z.enum(['0', '1'])]),
    dmGuild: ([guildId]: [string, number, string]) => guildId,
    async run(interaction, [, id, answer]: [string, number, '0' | '1'], ctx) {
      ctx.services.skills.answerHelped(ctx.actor, id, answer === '1');
      await update(interaction, ctx.say(answer === '1' ? 'skills.helped.yes' : 'skills.helped.no'));
    },
  },
  renew: {
    args: dmArgs,
    dmGuild: ([guildId]: [string, number]) => guildId,
    async run(interaction, [, id]: [string, number], ctx) {
      const entry = ctx.services.skills.renew(ctx.actor, id);
      await update(interaction, ctx.say('skills.renewed', { skill: entryLabel(entry, ctx.language), day: dayOfInstant(entry.expiresAt ?? 0, zone(ctx), ctx.language) }));
    },
  },
  noremind: {
    args: z.tuple([snowflake]),
    dmGuild: ([guildId]: [string]) => guildId,
    async run(interaction, _args, ctx) {
      ctx.services.skills.setPrivacy(ctx.actor, { reminders: 'off' });
      await update(interaction, ctx.say('skills.reminders.stopped'));
    },
  },
};

export const skillComponents: Record<string, ComponentHandler<any>> = Object.fromEntries(Object.entries(handlers).map(([action, handler]) => [action, remembered(handler)]));
