// /skills: offers and needs, matches with consent-based introductions, who offers what, privacy, thanks and top
// helpers. Parse → one service call → render; the buttons and selects of the conversation live here too.
import { SlashCommandBuilder, type ButtonInteraction, type RepliableInteraction, type StringSelectMenuInteraction } from 'discord.js';
import { z } from 'zod';
import { SKILL_LEVELS } from '../src/db/schema/index.js';
import { invalid } from '../src/shared/errors.js';
import { defineCommand, type InteractionContext } from '../src/discord/command.js';
import { choiceOption, snowflake } from '../src/discord/options.js';
import { readPrivacyOptions } from '../src/discord/skills/options.js';
import { truncate } from '../src/discord/format.js';
import { addedText, renderEntries, renderThanks, renderMatches, renderPrivacy, renderTop, renderWho } from '../src/discord/skills/render.js';
import { reply } from '../src/discord/respond.js';
import { answerIntro, requestIntro } from '../src/discord/skills/intros.js';
import { dayOfInstant } from '../src/shared/day-words.js';

const skillOption = (description: string) => (o: import('discord.js').SlashCommandStringOption) =>
  o.setName('skill').setDescription(description).setRequired(true).setAutocomplete(true).setMaxLength(100);
const noteOption = (o: import('discord.js').SlashCommandStringOption) => o.setName('note').setDescription('A short note (up to 300 characters)').setMaxLength(1000);

const data = new SlashCommandBuilder()
  .setName('skills')
  .setDescription('Skill-share: who can do what, who needs what, and introductions')
  .addSubcommand((s) =>
    s.setName('offer').setDescription('Offer a skill to the alliance').addStringOption(skillOption('The skill you offer'))
      .addStringOption((o) => o.setName('level').setDescription('How well you know it').addChoices({ name: 'learning', value: 'learning' }, { name: 'practiced', value: 'practiced' }, { name: 'expert', value: 'expert' }))
      .addStringOption(noteOption),
  )
  .addSubcommand((s) =>
    s.setName('need').setDescription('Ask for a skill (lapses after 90 days unless renewed)').addStringOption(skillOption('The skill you need'))
      .addStringOption(noteOption)
      .addStringOption((o) => o.setName('by').setDescription('Needed by, e.g. "next friday", "end of march" or "in 3 weeks"').setMaxLength(20)),
  )
  .addSubcommand((s) => s.setName('mine').setDescription('Your offers and needs, with remove buttons'))
  .addSubcommand((s) => s.setName('remove').setDescription('Remove one of your offers or needs').addStringOption((o) => o.setName('entry').setDescription('Which one').setRequired(true).setAutocomplete(true)))
  .addSubcommand((s) => s.setName('match').setDescription('People who offer what you need and need what you offer'))
  .addSubcommand((s) => s.setName('who').setDescription('Who offers a skill').addStringOption(skillOption('The skill')))
  .addSubcommand((s) =>
    s.setName('privacy').setDescription('Hide from matching, refuse introductions, or stop reminders')
      .addStringOption((o) => o.setName('matching').setDescription('Appear in other members’ matches').addChoices({ name: 'visible', value: 'visible' }, { name: 'hidden', value: 'hidden' }))
      .addStringOption((o) => o.setName('intros').setDescription('Let members request an introduction to you').addChoices({ name: 'open', value: 'open' }, { name: 'closed', value: 'closed' }))
      .addStringOption((o) => o.setName('reminders').setDescription('Remind me a week before a need lapses').addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' })),
  )
  .addSubcommand((s) =>
    s.setName('thanks').setDescription('Thank a member for their help')
      .addUserOption((o) => o.setName('user').setDescription('Who helped you').setRequired(true))
      .addStringOption(skillOption('With what'))
      .addStringOption(noteOption),
  )
  .addSubcommand((s) => s.setName('top').setDescription('Who helped most this month'));

/** The alliance's time zone: days are written as its calendar shows them. */
const zone = (ctx: InteractionContext): string => ctx.services.alliances.settings(ctx.actor.guildId).timezone;

const dmArgs = z.tuple([snowflake, z.coerce.number().int().positive()]);
const update = (interaction: ButtonInteraction | StringSelectMenuInteraction, content: string) =>
  interaction.update({ content, components: [], embeds: [], allowedMentions: { parse: [] } });
const respondOf = (interaction: RepliableInteraction) => (payload: Parameters<typeof reply>[1]) => reply(interaction, payload);

export const skills = defineCommand({
  data: data.toJSON(),

  async execute(interaction, ctx) {
    const o = interaction.options;
    const s = ctx.services.skills;
    const send = respondOf(interaction);
    switch (o.getSubcommand()) {
      case 'offer': {
        const skill = o.getString('skill', true);
        const result = s.offer(ctx.actor, { skill, level: choiceOption(o, 'level', SKILL_LEVELS), note: o.getString('note') });
        return send({ content: addedText('offer', skill, result, zone(ctx)), ephemeral: true });
      }
      case 'need': {
        const skill = o.getString('skill', true);
        const result = s.need(ctx.actor, { skill, note: o.getString('note'), by: o.getString('by') });
        return send({ content: addedText('need', skill, result, zone(ctx)), ephemeral: true });
      }
      case 'mine':
        return send({ ...renderEntries(s.mine(ctx.actor)), ephemeral: true });
      case 'remove': {
        const id = Number(o.getString('entry', true));
        if (!Number.isInteger(id) || id <= 0) throw invalid('entry', 'entry: pick one of your offers or needs from the list');
        const removed = s.remove(ctx.actor, id);
        return send({ content: `🗑️ Removed your ${removed.kind}: **${removed.label}**.`, ephemeral: true });
      }
      case 'match':
        return send({ ...renderMatches(s.match(ctx.actor), s.mine(ctx.actor).length > 0), ephemeral: true });
      case 'who':
        return send({ ...renderWho(s.who(ctx.actor, { skill: o.getString('skill', true) })), ephemeral: true });
      case 'privacy': {
        const input = readPrivacyOptions(o);
        const changed = Object.values(input).some((value) => value !== undefined);
        const privacy = changed ? s.setPrivacy(ctx.actor, input) : s.privacy(ctx.actor);
        return send({ content: renderPrivacy(privacy), ephemeral: true });
      }
      case 'thanks': {
        const user = o.getUser('user', true);
        const thanks = s.thank(ctx.actor, { user: user.id, userIsBot: user.bot, skill: o.getString('skill', true), note: o.getString('note') });
        return send(renderThanks(thanks));
      }
      case 'top':
        return send(renderTop(s.top(ctx.actor.guildId)));
    }
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'entry') {
      const mine = ctx.services.skills.suggestMine(ctx.actor, focused.value);
      return interaction.respond(mine.map((entry) => ({ name: truncate(entry.name, 100), value: String(entry.id) })));
    }
    const typed = focused.value.trim();
    const choices = ctx.services.skills.suggest(ctx.actor.guildId, typed).map((s) => ({ name: truncate(s.matched ? `${s.label} (${s.matched})` : s.label, 100), value: s.key }));
    // Free text is welcome: offer it as typed so a new skill can be added (it is normalized on save).
    if (typed && ctx.services.skills.isNewSkill(ctx.actor.guildId, typed)) {
      choices.splice(24, choices.length, { name: truncate(`${typed} (new skill)`, 100), value: truncate(typed, 100) });
    }
    return interaction.respond(choices.slice(0, 25));
  },

  components: {
    rm: {
      args: z.tuple([z.coerce.number().int().positive()]),
      async run(interaction, [id], ctx) {
        ctx.services.skills.remove(ctx.actor, id);
        const rendered = renderEntries(ctx.services.skills.mine(ctx.actor));
        await interaction.update({ content: rendered.content ?? '', embeds: rendered.embeds, components: rendered.components, allowedMentions: { parse: [] } });
      },
    },
    intro: {
      args: z.tuple([snowflake]),
      run: (interaction, [userId], ctx) => requestIntro(interaction, userId, ctx),
    },
    'intro-pick': {
      args: z.tuple([]),
      async run(interaction, _args, ctx) {
        const userId = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
        if (!userId || !snowflake.safeParse(userId).success) throw invalid('user', 'Pick a member from the list.');
        await requestIntro(interaction, userId, ctx);
      },
    },
    accept: { args: dmArgs, dmGuild: ([guildId]) => guildId, run: (interaction, [, id], ctx) => answerIntro(interaction, id, true, ctx) },
    decline: { args: dmArgs, dmGuild: ([guildId]) => guildId, run: (interaction, [, id], ctx) => answerIntro(interaction, id, false, ctx) },
    helped: {
      args: z.tuple([snowflake, z.coerce.number().int().positive(), z.enum(['0', '1'])]),
      dmGuild: ([guildId]) => guildId,
      async run(interaction, [, id, answer], ctx) {
        ctx.services.skills.answerHelped(ctx.actor, id, answer === '1');
        await update(interaction, answer === '1' ? '🙌 Glad it helped. Thanks for telling me!' : 'Thanks for telling me. Other matches are in `/skills match`.');
      },
    },
    renew: {
      args: dmArgs,
      dmGuild: ([guildId]) => guildId,
      async run(interaction, [, id], ctx) {
        const entry = ctx.services.skills.renew(ctx.actor, id);
        await update(interaction, `✅ Kept your need **${entry.label}** until ${dayOfInstant(entry.expiresAt ?? 0, zone(ctx))}.`);
      },
    },
    noremind: {
      args: z.tuple([snowflake]),
      dmGuild: ([guildId]) => guildId,
      async run(interaction, _args, ctx) {
        ctx.services.skills.setPrivacy(ctx.actor, { reminders: 'off' });
        await update(interaction, 'OK, no more reminders before needs lapse. `/skills privacy reminders:on` turns them back on.');
      },
    },
  },
});
