// Who counts as an organizer, decided on the server for every request (a stale client may show hidden commands).
import { PermissionFlagsBits, type Interaction } from 'discord.js';
import type { AllianceSettings } from '../alliances/alliances.service.js';
import type { Actor } from '../shared/actor.js';

/** Role ids of the member behind an interaction, whether discord.js gave us a cached member or raw API data. */
export function memberRoleIds(interaction: Interaction): string[] {
  const member = interaction.member;
  if (!member) return [];
  const roles = member.roles;
  return Array.isArray(roles) ? [...roles] : [...roles.cache.keys()];
}

/** Organizers: Manage Server (Administrator implies it), or the alliance's organizer role. */
export function isOrganizer(interaction: Interaction, settings: AllianceSettings): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  return settings.organizerRoleId !== null && memberRoleIds(interaction).includes(settings.organizerRoleId);
}

export function actorOf(interaction: Interaction, settings: AllianceSettings): Actor {
  return {
    guildId: interaction.guildId ?? '',
    userId: interaction.user.id,
    isOrganizer: isOrganizer(interaction, settings),
    roleIds: memberRoleIds(interaction),
  };
}

