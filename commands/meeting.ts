// /meeting schedule|list|reschedule|cancel|notes|outcome: meetings with a structured and a social block.
// Schedule and reschedule answer with how `when` was understood and save only on Confirm.
import { ChannelType, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { ITEM_OUTCOMES, RECURRENCES } from '../src/db/schema/meetings.js';
import { defineCommand } from '../src/discord/command.js';
import { syncMeetingEvent } from '../src/discord/meetings/events.js';
import { confirm, discard, markPresent, noticeInChannel } from '../src/discord/meetings/publish.js';
import { outcomeInput, respondMeetingOrItem, scheduleInput, whereChoices } from '../src/discord/meetings/options.js';
import { cancelledAnswer, outcomeRecordedText, renderCancelledNotice, renderMeetingList, renderNotes, renderPreview } from '../src/discord/meetings/render.js';
import { deferPublicly, reply } from '../src/discord/respond.js';
import { replyCalendarFeed } from '../src/discord/public-page/calendar.js';

const data = new SlashCommandBuilder()
  .setName('meeting')
  .setDescription('Alliance meetings: a structured hour with an agenda, then a social hour')
  .addSubcommand((s) =>
    s
      .setName('schedule')
      .setDescription('Schedule a meeting (e.g. when: "next thursday 6pm")')
      .addStringOption((o) => o.setName('title').setDescription('What the meeting is called').setRequired(true).setMaxLength(100))
      .addStringOption((o) => o.setName('when').setDescription('"next thursday 6pm", "tomorrow 9:30", "in 3 hours" or a date and time (alliance time)').setRequired(true).setMaxLength(100))
      .addIntegerOption((o) => o.setName('duration-minutes').setDescription('Whole meeting, 15-480 (default 120)'))
      .addIntegerOption((o) => o.setName('structured-minutes').setDescription('The agenda part at the start (default 60)'))
      .addStringOption((o) => o.setName('where').setDescription('A voice channel from the list, or a place or link').setMaxLength(100).setAutocomplete(true))
      .addChannelOption((o) => o.setName('channel').setDescription('Where the agenda is posted (default: meetings channel)').addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement))
      .addStringOption((o) =>
        o.setName('repeat').setDescription('Repeat the meeting (default none)').addChoices(
          { name: 'none', value: 'none' },
          { name: 'weekly', value: 'weekly' },
          { name: 'monthly, same weekday (e.g. first Tuesday)', value: 'monthly-nth-weekday' },
        ),
      )
      .addBooleanOption((o) => o.setName('public').setDescription('List it in the alliance’s public calendar feed (default false)')),
  )
  .addSubcommand((s) => s.setName('calendar').setDescription('Your private calendar feed of every alliance meeting (a link for your calendar app)'))
  .addSubcommand((s) => s.setName('calendar-reset').setDescription('Replace your calendar feed link (the old one stops working)'))
  .addSubcommand((s) => s.setName('list').setDescription('Upcoming meetings with their agenda length'))
  .addSubcommand((s) =>
    s
      .setName('reschedule')
      .setDescription('Move a meeting (organizers or its creator)')
      .addIntegerOption((o) => o.setName('meeting').setDescription('The meeting').setRequired(true).setAutocomplete(true))
      .addStringOption((o) => o.setName('when').setDescription('The new time, e.g. "next friday 18:00"').setRequired(true).setMaxLength(100)),
  )
  .addSubcommand((s) =>
    s
      .setName('cancel')
      .setDescription('Cancel a meeting (organizers or its creator)')
      .addIntegerOption((o) => o.setName('meeting').setDescription('The meeting').setRequired(true).setAutocomplete(true))
      .addBooleanOption((o) => o.setName('series').setDescription('Also cancel every later meeting of this series')),
  )
  .addSubcommand((s) =>
    s
      .setName('notes')
      .setDescription('Outcomes, actions and attendance of a meeting')
      .addIntegerOption((o) => o.setName('meeting').setDescription('The meeting').setRequired(true).setAutocomplete(true)),
  )
  .addSubcommand((s) =>
    s
      .setName('outcome')
      .setDescription('Record the outcome of one agenda item (organizers or the creator)')
      .addIntegerOption((o) => o.setName('meeting').setDescription('The meeting').setRequired(true).setAutocomplete(true))
      .addIntegerOption((o) => o.setName('item').setDescription('The agenda item').setRequired(true).setAutocomplete(true))
      .addStringOption((o) => o.setName('result').setDescription('What came of it').setRequired(true).addChoices(...ITEM_OUTCOMES.map((v) => ({ name: v, value: v }))))
      .addUserOption((o) => o.setName('owner').setDescription('For an action: who does it'))
      .addStringOption((o) => o.setName('due').setDescription('For an action: by when, e.g. "next friday", "in 2 weeks" or a date').setMaxLength(60))
      .addStringOption((o) => o.setName('note').setDescription('For an action: what to do (default: the item topic)').setMaxLength(300)),
  );

export const meeting = defineCommand({
  order: 50,
  data: data.toJSON(),

  async execute(interaction, ctx) {
    const o = interaction.options;
    const sub = o.getSubcommand();
    const meetings = ctx.services.meetings;
    if (sub === 'schedule') {
      const preview = meetings.previewSchedule(ctx.actor, scheduleInput(interaction), ctx.language);
      await reply(interaction, { ...renderPreview(preview, ctx.say, ctx.language), ephemeral: true });
    } else if (sub === 'reschedule') {
      const preview = meetings.previewReschedule(ctx.actor, { meetingId: o.getInteger('meeting', true), when: o.getString('when', true) }, ctx.language);
      await reply(interaction, { ...renderPreview(preview, ctx.say, ctx.language), ephemeral: true });
    } else if (sub === 'calendar' || sub === 'calendar-reset') {
      await replyCalendarFeed(interaction, ctx, sub === 'calendar-reset');
    } else if (sub === 'list') {
      await reply(interaction, { embeds: renderMeetingList(meetings.list(ctx.actor.guildId), ctx.say, ctx.language), ephemeral: true });
    } else if (sub === 'cancel') {
      const cancelled = meetings.cancel(ctx.actor, o.getInteger('meeting', true), { series: o.getBoolean('series') ?? false });
      await deferPublicly(interaction);
      for (const m of cancelled) await syncMeetingEvent(ctx, m);
      await reply(interaction, cancelledAnswer(cancelled, ctx.sayPublic, ctx.publicLanguage));
      if (cancelled.length > 0) await noticeInChannel(ctx, cancelled[0]!, renderCancelledNotice(cancelled, ctx.sayPublic), interaction.channelId);
    } else if (sub === 'notes') {
      await reply(interaction, { embeds: renderNotes(meetings.notes(ctx.actor.guildId, o.getInteger('meeting', true)), ctx.say, ctx.language), ephemeral: true });
    } else {
      const result = meetings.recordOutcome(ctx.actor, { ...outcomeInput(interaction), language: ctx.language });
      await reply(interaction, outcomeRecordedText(result, ctx.sayPublic, ctx.publicLanguage));
    }
  },

  async autocomplete(interaction, ctx) {
    if (interaction.options.getFocused(true).name === 'where') {
      await interaction.respond(whereChoices(interaction.guild, String(interaction.options.getFocused()), ctx.say));
      return;
    }
    const sub = interaction.options.getSubcommand();
    await respondMeetingOrItem(interaction, ctx, sub === 'notes' || sub === 'outcome' ? 60 : 0);
  },

  components: {
    confirm: { args: z.tuple([z.coerce.number().int().positive(), z.coerce.number().int().min(0).max(1)]), run: confirm },
    discard: { args: z.tuple([z.coerce.number().int().positive()]), run: discard },
    present: { args: z.tuple([z.coerce.number().int().positive()]), run: markPresent },
  },
});
