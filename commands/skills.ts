// /skills: offers and needs, matches with consent-based introductions, who offers what, privacy, thanks and top
// helpers. Parse → one service call → render; the buttons and selects of the conversation live here too.
import { SlashCommandBuilder, type ChatInputCommandInteraction, type RepliableInteraction } from 'discord.js';
import { SKILL_LEVELS } from '../src/db/schema/index.js';
import { invalid, msg } from '../src/shared/errors.js';
import { defineCommand, type InteractionContext } from '../src/discord/command.js';
import { choiceOption } from '../src/discord/options.js';
import { skillComponents } from '../src/discord/skills/components.js';
import { readPrivacyOptions } from '../src/discord/skills/options.js';
import { addedText, MATCHES_SHOWN, mineChoice, newSkillChoice, removedText, renderEntries, renderMatches, renderPrivacy, renderThanks, renderTop, renderWho, skillChoice } from '../src/discord/skills/render.js';
import { asSent, reply } from '../src/discord/respond.js';

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
const respondOf = (interaction: RepliableInteraction) => (payload: Parameters<typeof reply>[1]) => reply(interaction, payload);

/** /skills <subcommand>: parse, one service verb, render; private answers in the member's language. */
async function answer(interaction: ChatInputCommandInteraction, ctx: InteractionContext) {
  const o = interaction.options;
  const s = ctx.services.skills;
  const send = respondOf(interaction);
  const lang = ctx.language;
  switch (o.getSubcommand()) {
    case 'offer': {
      const skill = o.getString('skill', true);
      const result = s.offer(ctx.actor, { skill, level: choiceOption(o, 'level', SKILL_LEVELS), note: o.getString('note') });
      return send({ content: addedText('offer', skill, result, zone(ctx), lang), ephemeral: true });
    }
    case 'need': {
      const skill = o.getString('skill', true);
      const result = s.need(ctx.actor, { skill, note: o.getString('note'), by: o.getString('by') }, lang);
      return send({ content: addedText('need', skill, result, zone(ctx), lang), ephemeral: true });
    }
    case 'mine':
      return send({ ...renderEntries(s.mine(ctx.actor), lang), ephemeral: true });
    case 'remove': {
      const id = Number(o.getString('entry', true));
      if (!Number.isInteger(id) || id <= 0) throw invalid('entry', msg('skills.remove.pickEntry'));
      return send({ content: removedText(s.remove(ctx.actor, id), lang), ephemeral: true });
    }
    case 'match': {
      // Reasons are worked out for the people shown only; the caller's own entries matter only when no one matched.
      const { matches, count } = s.matchesShown(ctx.actor, MATCHES_SHOWN);
      return send({ ...asSent(renderMatches(matches, count > 0 || s.mine(ctx.actor).length > 0, lang, count)), ephemeral: true });
    }
    case 'who':
      return send({ ...renderWho(s.who(ctx.actor, { skill: o.getString('skill', true) }), lang), ephemeral: true });
    case 'privacy': {
      const input = readPrivacyOptions(o);
      const changed = Object.values(input).some((value) => value !== undefined);
      const privacy = changed ? s.setPrivacy(ctx.actor, input) : s.privacy(ctx.actor);
      return send({ content: renderPrivacy(privacy, lang), ephemeral: true });
    }
    case 'thanks': {
      const user = o.getUser('user', true);
      const thanks = s.thank(ctx.actor, { user: user.id, userIsBot: user.bot, skill: o.getString('skill', true), note: o.getString('note') });
      return send(renderThanks(thanks, ctx.publicLanguage));
    }
    case 'top':
      return send(renderTop(s.top(ctx.actor.guildId), ctx.publicLanguage));
  }
}

export const skills = defineCommand({
  order: 40,
  data: data.toJSON(),

  async execute(interaction, ctx) {
    await answer(interaction, ctx);
  },

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'entry') return interaction.respond(ctx.services.skills.suggestMine(ctx.actor, focused.value).map((entry) => mineChoice(entry, ctx.language)));
    const typed = focused.value.trim();
    const choices = ctx.services.skills.suggest(ctx.actor.guildId, typed, ctx.language).map((s) => skillChoice(s, ctx.language));
    // Free text is welcome: offer it as typed so a new skill can be added (it is normalized on save).
    if (typed && ctx.services.skills.isNewSkill(ctx.actor.guildId, typed)) choices.splice(24, choices.length, newSkillChoice(typed, ctx.language));
    return interaction.respond(choices.slice(0, 25));
  },

  components: skillComponents,
});
