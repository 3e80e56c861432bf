// /directory search|near|stats|pending|export|import: finding spaces, and the organizers' approval and CSV tools.
// Result pages carry the parked query's id in their buttons, so Previous/Next keep working after a restart.
import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import type { ResultPage } from '../src/directory/directory-search.service.js';
import { LIMITS } from '../src/directory/directory.rules.js';
import { defineCommand, type InteractionContext } from '../src/discord/command.js';
import { directoryColumns } from '../src/discord/csv-header.js';
import { respondDirectoryOption } from '../src/discord/directory/options.js';
import { importFile } from '../src/discord/directory/import.js';
import { decideSpace } from '../src/discord/directory/approval.js';
import { nearHeading, renderEmpty, renderPending, renderResults, renderStats, searchHeading } from '../src/discord/directory/render.js';
import { passMarker } from '../src/discord/pass/space-options.js';
import { asSent, reply } from '../src/discord/respond.js';
import { csvFile } from '../src/discord/csv-file.js';

const data = new SlashCommandBuilder()
  .setName('directory')
  .setDescription('Find allied spaces: search, near a city, stats')
  .addSubcommand((s) =>
    s
      .setName('search')
      .setDescription('Search spaces by words, city, country, tag and desks')
      .addStringOption((o) => o.setName('text').setDescription('Words in the name, city, tags or description (prefixes work)').setMaxLength(LIMITS.searchText))
      .addStringOption((o) => o.setName('city').setDescription('A city with spaces').setAutocomplete(true).setMaxLength(LIMITS.city))
      .addStringOption((o) => o.setName('country').setDescription('ISO code or English name').setAutocomplete(true).setMaxLength(LIMITS.country))
      .addStringOption((o) => o.setName('tag').setDescription('e.g. black-owned, childcare, makerspace').setAutocomplete(true).setMaxLength(40))
      .addIntegerOption((o) => o.setName('min-desks').setDescription('At least this many desks').setMinValue(1).setMaxValue(LIMITS.maxDesks))
      .addIntegerOption((o) => o.setName('max-desks').setDescription('At most this many desks').setMinValue(1).setMaxValue(LIMITS.maxDesks)),
  )
  .addSubcommand((s) =>
    s
      .setName('near')
      .setDescription('Spaces nearest to a city, with distances')
      .addStringOption((o) => o.setName('place').setDescription('A city (pick from the list)').setRequired(true).setAutocomplete(true).setMaxLength(LIMITS.city))
      .addIntegerOption((o) => o.setName('radius-km').setDescription(`How far, ${LIMITS.radiusKm.min}-${LIMITS.radiusKm.max} km (default ${LIMITS.radiusKm.default})`).setMinValue(LIMITS.radiusKm.min).setMaxValue(LIMITS.radiusKm.max)),
  )
  .addSubcommand((s) => s.setName('stats').setDescription('Spaces by country, city and tag'))
  .addSubcommand((s) => s.setName('pending').setDescription('Spaces waiting for approval (organizers)'))
  .addSubcommand((s) => s.setName('export').setDescription('All spaces as a CSV file (organizers)'))
  .addSubcommand((s) =>
    s
      .setName('import')
      .setDescription('Add or update spaces from a CSV file like the export (organizers)')
      .addAttachmentOption((o) => o.setName('file').setDescription('A .csv file, at most 5 MB and 20,000 rows').setRequired(true)),
  );

/** A page of results in the member's language; for an empty first page, the ephemeral hint of what to widen. */
function resultsPayload(ctx: InteractionContext, kind: 'search' | 'near', page: ResultPage<unknown>, heading: string) {
  if (page.total === 0) return { content: renderEmpty(ctx.say, heading, page.suggestions), embeds: [], components: [], ephemeral: true };
  return asSent(renderResults(ctx.language, kind, page, heading, passMarker(ctx)));
}

export const directory = defineCommand({
  order: 30,
  data: data.toJSON(),
  organizerSubcommands: ['pending', 'export', 'import'],

  async execute(interaction, ctx) {
    const o = interaction.options;
    const dir = ctx.services.directory;
    const sub = o.getSubcommand();
    if (sub === 'search') {
      const query = {
        text: o.getString('text') ?? undefined,
        city: o.getString('city') ?? undefined,
        country: o.getString('country') ?? undefined,
        tag: o.getString('tag') ?? undefined,
        minDesks: o.getInteger('min-desks') ?? undefined,
        maxDesks: o.getInteger('max-desks') ?? undefined,
      };
      const page = dir.search(ctx.actor.guildId, query, ctx.actor.userId);
      await reply(interaction, resultsPayload(ctx, 'search', page, searchHeading(ctx.say, query)));
    } else if (sub === 'near') {
      const page = dir.near(ctx.actor.guildId, { place: o.getString('place', true), radiusKm: o.getInteger('radius-km') ?? undefined }, ctx.actor.userId);
      await reply(interaction, resultsPayload(ctx, 'near', page, nearHeading(ctx.say, page)));
    } else if (sub === 'stats') {
      await reply(interaction, { embeds: [renderStats(ctx.language, dir.stats(ctx.actor.guildId))] });
    } else if (sub === 'pending') {
      await reply(interaction, { ...renderPending(ctx.language, dir.pending(ctx.actor)), ephemeral: true });
    } else if (sub === 'export') {
      const csv = dir.exportCsv(ctx.actor, directoryColumns(ctx.say));
      const file = csvFile(csv.content, csv.filename);
      await reply(interaction, { content: ctx.say('directory.export.done', { count: csv.rows }), files: [file], ephemeral: true });
    } else {
      await importFile(interaction, ctx);
    }
  },

  async autocomplete(interaction, ctx) {
    await respondDirectoryOption(interaction, ctx);
  },

  components: {
    page: {
      args: z.tuple([z.enum(['search', 'near']), z.coerce.number().int().positive(), z.coerce.number().int().min(0).max(5000), z.enum(['p', 'n'])]),
      async run(interaction, [kind, searchId, pageNo], ctx) {
        const dir = ctx.services.directory;
        if (kind === 'near') {
          const page = dir.nearPage(ctx.actor.guildId, searchId, pageNo);
          await interaction.update(asSent(renderResults(ctx.language, 'near', page, nearHeading(ctx.say, page), passMarker(ctx))));
        } else {
          const page = dir.searchPage(ctx.actor.guildId, searchId, pageNo);
          await interaction.update(asSent(renderResults(ctx.language, 'search', page, searchHeading(ctx.say, page.query), passMarker(ctx))));
        }
      },
    },
    approve: {
      args: z.tuple([z.coerce.number().int().positive()]),
      organizerOnly: true,
      run: (interaction, [spaceId], ctx) => decideSpace(interaction, ctx, spaceId, true),
    },
    reject: {
      args: z.tuple([z.coerce.number().int().positive()]),
      organizerOnly: true,
      run: (interaction, [spaceId], ctx) => decideSpace(interaction, ctx, spaceId, false),
    },
  },
});
