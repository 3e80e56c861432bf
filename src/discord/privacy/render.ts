// Privacy renderers: the JSON export file and the deletion confirmation (what goes, what stays), within limits.
import { AttachmentBuilder, ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { DeletionPreview, MemberExport } from '../../privacy/privacy.service.js';
import { customId } from '../custom-id.js';
import { escapeMarkdown, truncate } from '../format.js';

const TABLE_WORDS: Record<string, string> = {
  space_hosts: 'spaces you host', space_members: 'spaces you belong to', skill_entries: 'skill offers and needs',
  skill_prefs: 'skill privacy choices', skill_intros: 'introductions', skill_thanks: 'thanks given or received',
  skill_match_notices: 'match notices', meeting_attendance: 'meeting attendance', agenda_items: 'agenda items',
  action_items: 'action items', ideas: 'parked ideas', idea_votes: 'idea votes', coworking_day_events: 'coworking-day events you host',
  passes: 'alliance passes (the spaces keep the visits, without your name)', pass_visits: 'pass visits you checked in (kept without your name)',
  leads: 'leads you sent or answered (kept for the spaces, without your name)', perks: 'perks you added (kept without your name)',
  dues_entries: 'dues payments you recorded (they stay as the spaces’ records, without your name)', dues_plans: 'dues plans you set (kept, without your name)',
  dues_reminder_prefs: 'dues reminder choice',
};

export function exportFile(data: MemberExport): AttachmentBuilder {
  return new AttachmentBuilder(Buffer.from(JSON.stringify(data, null, 2), 'utf8'), { name: `alliance-data-${data.member}.json` });
}

export function exportMessage(data: MemberExport): string {
  const tables = Object.keys(data.data).length;
  return tables === 0
    ? 'I store nothing about you in this alliance. The attached file says so.'
    : `Everything I store about you in this alliance (${tables} kind${tables === 1 ? '' : 's'} of record) is in the attached JSON file. Only you can see it.`;
}

/** The list shown before deleting: names of spaces and record counts, capped so the embed stays under limits. */
export function renderDeletionPreview(preview: DeletionPreview, userId: string): { embeds: APIEmbed[]; components: APIActionRowComponent<APIButtonComponent>[] } {
  const lines: string[] = [];
  for (const name of preview.spacesRemoved.slice(0, 20)) lines.push(`• Space **${truncate(escapeMarkdown(name), 100)}** (you host it alone: it is removed)`);
  if (preview.spacesRemoved.length > 20) lines.push(`• …and ${preview.spacesRemoved.length - 20} more spaces you host alone`);
  for (const name of preview.spacesLeft.slice(0, 20)) lines.push(`• You stop hosting **${truncate(escapeMarkdown(name), 100)}** (its co-hosts keep it)`);
  for (const [table, count] of Object.entries(preview.rows)) {
    const words = TABLE_WORDS[table];
    if (words) lines.push(`• ${count} × ${words}`);
  }
  const description = [
    lines.length > 0 ? lines.join('\n') : 'I store nothing personal about you here.',
    '',
    'Stays: votes on closed proposals as anonymous counts, and records of what you did for the alliance (meetings you created, spaces you approved).',
    'To keep a space you host alone, hand it to a co-host first with `/space hosts add`.',
  ].join('\n');
  return {
    embeds: [{ title: 'Delete your data in this alliance?', description: truncate(description, 4000), color: 0xef4444 }],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Danger, label: 'Delete my data', custom_id: customId('privacy', 'delete', userId) },
          { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Keep it', custom_id: customId('privacy', 'keep', userId) },
        ],
      },
    ],
  };
}

/** Said instead of a confirmation when a deletion would remove nothing. */
export const NOTHING_TO_DELETE_TEXT = 'I store nothing personal about you in this alliance, so there is nothing to delete.';

/** The organizers' notice when a member's deletion took approved spaces out of the directory. */
export function removedSpacesNotice(names: string[]): APIEmbed {
  const list = names.slice(0, 20).map((name) => `• ${truncate(escapeMarkdown(name), 100)}`);
  if (names.length > 20) list.push(`• …and ${names.length - 20} more`);
  const lead = names.length === 1
    ? 'A member deleted their data with /privacy delete. They hosted this listed space alone, so it left the directory:'
    : `A member deleted their data with /privacy delete. They hosted these ${names.length} listed spaces alone, so they left the directory:`;
  return { title: names.length === 1 ? '🗑️ A space left the directory' : '🗑️ Spaces left the directory', description: truncate(`${lead}\n${list.join('\n')}`, 4000), color: 0xef4444 };
}

export function deletedText(summary: Record<string, Record<string, unknown>>): string {
  const spaces = (summary['directory']?.['removedSpaceIds'] as unknown[] | undefined)?.length ?? 0;
  return `🗑️ Done: your data in this alliance is deleted${spaces > 0 ? ` (with ${spaces} space${spaces === 1 ? '' : 's'} you hosted alone)` : ''}.`;
}
