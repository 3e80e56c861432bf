// Alliance settings as an embed (for /alliance show and the answer to /alliance setup).
import { EmbedBuilder } from 'discord.js';
import type { AllianceSettings } from '../../alliances/alliances.service.js';
import { channelMention, roleMention } from '../format.js';

const notSet = '*not set*';

/** The public page's line: its address when on, or what is missing. */
export function publicPageLine(settings: AllianceSettings, publicUrl: string | null | undefined): string {
  if (!settings.publicPage || !settings.publicSlug) {
    return settings.publicSlug ? `Off (would be at /a/${settings.publicSlug}/)` : 'Off: turn it on with `/alliance setup public-page:on public-slug:your-name`';
  }
  if (!publicUrl) return `On at /a/${settings.publicSlug}/, but this bot serves no web page yet (its host sets HTTP_PORT)`;
  return `${publicUrl.replace(/\/$/, '')}/a/${settings.publicSlug}/`;
}

export function renderSettings(settings: AllianceSettings, title = 'Alliance settings', publicUrl: string | null = null): EmbedBuilder {
  const channel = (id: string | null) => (id ? channelMention(id) : notSet);
  return new EmbedBuilder()
    .setTitle(title)
    .setColor(0x2f855a)
    .setDescription(settings.configured ? null : 'This alliance is not set up yet: an organizer can run `/alliance setup`.')
    .addFields(
      { name: 'Time zone', value: settings.timezone, inline: true },
      { name: 'Organizer role', value: settings.organizerRoleId ? roleMention(settings.organizerRoleId) : `${notSet} (Manage Server only)`, inline: true },
      { name: 'Announcements', value: channel(settings.announcementsChannelId), inline: true },
      { name: 'Organizers channel', value: settings.organizersChannelId ? channelMention(settings.organizersChannelId) : `${notSet} (announcements used)`, inline: true },
      { name: 'Proposals channel', value: channel(settings.proposalsChannelId), inline: true },
      { name: 'Meetings channel', value: channel(settings.meetingsChannelId), inline: true },
      { name: 'Directory approval', value: settings.directoryApproval ? 'On: organizers approve new spaces' : 'Off: spaces are listed at once', inline: true },
      { name: 'Quotas', value: `${settings.ideaQuota} open ideas per member, ${settings.agendaQuota} agenda items per member per meeting`, inline: true },
      { name: 'Public page', value: publicPageLine(settings, publicUrl) },
    );
}
