// Alliance settings as an embed (for /alliance show and the answer to /alliance setup).
import { EmbedBuilder } from 'discord.js';
import type { AllianceSettings } from '../../alliances/alliances.service.js';
import { channelMention, roleMention } from '../format.js';

const notSet = '*not set*';

export function renderSettings(settings: AllianceSettings, title = 'Alliance settings'): EmbedBuilder {
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
    );
}
