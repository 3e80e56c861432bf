// Alliance settings in the bench: the large alliance is set up (channels, time zone, organizer role); /help,
// /alliance show and the time-zone autocomplete are measured; the settings lookup every interaction makes is grown.
import { complete, expectMessage, hasEmbeds, slash } from '../interact.js';
import type { BenchFeature } from './types.js';

const GUILD_BASE = 100_000_000_000_000_000n;
const zones = ['america', 'europe/b', 'asia/t', 'chi', 'pacific', 'berlin', 'new_y', 'los'];

export const alliance: BenchFeature = {
  name: 'alliance',

  seed({ services, organizer, guild }) {
    services.alliances.update(organizer, {
      timezone: 'America/Chicago',
      announcementsChannelId: guild.channel('announcements'),
      organizersChannelId: guild.channel('organizers'),
      proposalsChannelId: guild.channel('proposals'),
      meetingsChannelId: guild.channel('meetings'),
      organizerRoleId: guild.role('Organizers'),
      directoryApproval: true,
    });
  },

  interactions: [
    {
      name: '/help',
      async send(ctx, i) {
        expectMessage(await slash(ctx, ctx.member(i), 'help'), '/help', hasEmbeds);
      },
    },
    {
      name: '/alliance show',
      async send(ctx) {
        expectMessage(await slash(ctx, ctx.organizerId, 'alliance show'), '/alliance show', hasEmbeds);
      },
    },
    {
      name: 'autocomplete: time zone',
      async send(ctx, i) {
        const choices = await complete(ctx, ctx.organizerId, 'alliance setup', 'timezone', zones[i % zones.length]!);
        if (choices.length === 0) throw new Error('time-zone autocomplete: no choices');
      },
    },
  ],

  growth: [
    {
      rows: 'alliances',
      start({ services, sqlite }) {
        let rows = 0;
        const guildId = (k: number) => String(GUILD_BASE + BigInt(k));
        const insert = sqlite.prepare('INSERT INTO alliances (guild_id, timezone, idea_quota) VALUES (?, ?, ?)');
        return {
          fillTo(n) {
            sqlite.transaction(() => {
              for (; rows < n; rows++) insert.run(guildId(rows), 'Europe/Berlin', 1 + (rows % 20));
            })();
          },
          queries: [{ name: 'settings lookup (every interaction)', target: 'log', run: (i) => services.alliances.settings(guildId((i * 7919) % rows)) }],
        };
      },
    },
  ],
};
