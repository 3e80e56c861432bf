// Option helpers shared by /meeting and /agenda: meeting and item autocomplete, and the `where` option
// (a voice channel picked from the list, or a place or link typed as text).
import { ChannelType, type AutocompleteInteraction, type ChatInputCommandInteraction, type Guild } from 'discord.js';
import { ITEM_OUTCOMES, RECURRENCES } from '../../db/schema/meetings.js';
import type { ScheduleInput } from '../../meetings/meetings.service.js';
import type { OutcomeInput } from '../../meetings/outcomes.service.js';
import { assertBotCanPost, assertMemberCanPost } from '../channel-check.js';
import { choiceOption, requiredChoiceOption } from '../options.js';
import { describeLocal } from '../../shared/when.rules.js';
import { invalid, msg } from '../../shared/errors.js';
import type { Say } from '../../i18n/translate.js';
import type { InteractionContext } from '../command.js';
import { truncate } from '../format.js';

type Choice = { name: string; value: number };

/** Upcoming meetings (and, with `pastDays`, recent ones) named with their local time: autocomplete cannot show timestamps. */
export function meetingChoices(ctx: InteractionContext, query: string, pastDays = 0): Choice[] {
  return ctx.services.meetings.choices(ctx.actor.guildId, query, pastDays).map((m) => ({
    name: truncate(`${m.title} · ${describeLocal(m.startsAt, ctx.settings.timezone, ctx.language)}`, 100),
    value: m.id,
  }));
}

/** Autocomplete for `meeting` and `item` options; `item` lists the chosen meeting's items, else open items. */
export async function respondMeetingOrItem(interaction: AutocompleteInteraction, ctx: InteractionContext, pastDays = 0): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const query = String(focused.value);
  if (focused.name === 'item') {
    const meeting = interaction.options.get('meeting')?.value;
    const meetingId = typeof meeting === 'number' ? meeting : null;
    const items = ctx.services.meetings.itemChoices(ctx.actor.guildId, meetingId, query);
    await interaction.respond(items.map((item) => ({ name: item.label, value: item.id })));
    return;
  }
  await interaction.respond(meetingChoices(ctx, query, pastDays).slice(0, 25));
}

const VOICE_PREFIX = 'voice:';

/** Voice channels offered for `where`, then whatever the member typed as a place. */
export function whereChoices(guild: Guild | null, typed: string, say: Say): { name: string; value: string }[] {
  const q = typed.trim().toLowerCase();
  const voice = [...(guild?.channels.cache.values() ?? [])]
    .filter((c) => c.type === ChannelType.GuildVoice && c.name.toLowerCase().includes(q))
    .slice(0, 24)
    .map((c) => ({ name: truncate(say('meetings.where.voiceChoice', { name: c.name }), 100), value: `${VOICE_PREFIX}${c.id}` }));
  return typed.trim() ? [{ name: truncate(typed.trim(), 100), value: truncate(typed.trim(), 100) }, ...voice].slice(0, 25) : voice;
}

/** Reads `where`: a voice channel (from the list, or typed as a channel mention) or a place/link. */
export function parseWhere(raw: string | null, guild: Guild | null): { location?: string; voiceChannelId?: string } {
  if (!raw) return {};
  const id = raw.startsWith(VOICE_PREFIX) ? raw.slice(VOICE_PREFIX.length) : /^<#(\d+)>$/.exec(raw.trim())?.[1];
  if (!id) return { location: raw };
  const channel = guild?.channels.cache.get(id);
  if (!channel || channel.type !== ChannelType.GuildVoice) {
    throw invalid('where', msg('meetings.errors.whereVoice'));
  }
  return { voiceChannelId: id };
}

/** /meeting schedule's options as the service's input; a channel both the member and the bot must be able to post in. */
export function scheduleInput(interaction: ChatInputCommandInteraction): ScheduleInput {
  const o = interaction.options;
  const channelId = o.getChannel('channel')?.id;
  if (channelId && interaction.guild) {
    assertMemberCanPost(interaction, channelId, 'channel');
    assertBotCanPost(interaction.guild, channelId, 'channel');
  }
  return {
    title: o.getString('title', true),
    when: o.getString('when', true),
    durationMinutes: o.getInteger('duration-minutes') ?? undefined,
    structuredMinutes: o.getInteger('structured-minutes') ?? undefined,
    ...parseWhere(o.getString('where'), interaction.guild),
    channelId,
    repeat: choiceOption(o, 'repeat', RECURRENCES),
    public: o.getBoolean('public') ?? undefined,
  };
}

/** /meeting outcome's options as the service's input. */
export function outcomeInput(interaction: ChatInputCommandInteraction): OutcomeInput {
  const o = interaction.options;
  return {
    meetingId: o.getInteger('meeting', true),
    itemId: o.getInteger('item', true),
    result: requiredChoiceOption(o, 'result', ITEM_OUTCOMES),
    ownerId: o.getUser('owner')?.id,
    due: o.getString('due') ?? undefined,
    note: o.getString('note') ?? undefined,
  };
}
