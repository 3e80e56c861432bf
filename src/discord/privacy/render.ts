// Privacy renderers in the reader's language: the JSON export file and its note, the deletion confirmation (what
// goes, what stays) with its buttons, the answers after it, and the organizers' notice, all within Discord's limits.
import { AttachmentBuilder, ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { DeletionPreview, MemberExport } from '../../privacy/privacy.service.js';
import { sayRef, type Say } from '../../i18n/translate.js';
import { decisionOf } from '../../meetings/agenda-decision.rules.js';
import { customId } from '../custom-id.js';
import { escapeMarkdown, truncate } from '../format.js';

/** The kinds of record a deletion lists, each named by `privacy.table.<table>` in the catalogues. */
const TABLES = new Set([
  'space_hosts', 'space_members', 'skill_entries', 'skill_prefs', 'skill_intros', 'skill_thanks', 'skill_match_notices', 'meeting_attendance',
  'agenda_items', 'action_items', 'ideas', 'idea_votes', 'coworking_day_events', 'passes', 'pass_visits', 'leads', 'perks', 'dues_entries',
  'dues_plans', 'dues_reminder_prefs',
]);

/**
 * The export file: rows as stored, except a decision written onto an agenda item, which is stored as a sentence by
 * key (JSON in the column) and is written out as the sentence in the member's language, as they read it in Discord.
 */
export function exportFile(say: Say, data: MemberExport): AttachmentBuilder {
  const readable = { ...data, data: { ...data.data } };
  const items = data.data['agenda_items'];
  if (items) readable.data['agenda_items'] = items.map((row) => ({ ...row, decision: readableDecision(say, row['decision']) }));
  return new AttachmentBuilder(Buffer.from(JSON.stringify(readable, null, 2), 'utf8'), { name: `alliance-data-${data.member}.json` });
}

function readableDecision(say: Say, stored: unknown): unknown {
  if (typeof stored !== 'string') return stored;
  const decision = decisionOf(stored);
  return decision === null || typeof decision === 'string' ? decision : sayRef(say, decision);
}

export function exportMessage(say: Say, data: MemberExport): string {
  const tables = Object.keys(data.data).length;
  return tables === 0 ? say('privacy.export.none') : say('privacy.export.some', { count: tables });
}

/** The list shown before deleting: names of spaces and record counts, capped so the embed stays under limits. */
export function renderDeletionPreview(say: Say, preview: DeletionPreview, userId: string): { embeds: APIEmbed[]; components: APIActionRowComponent<APIButtonComponent>[] } {
  const lines: string[] = [];
  for (const name of preview.spacesRemoved.slice(0, 20)) lines.push(say('privacy.preview.spaceRemoved', { name: truncate(escapeMarkdown(name), 100) }));
  if (preview.spacesRemoved.length > 20) lines.push(say('privacy.preview.moreRemoved', { count: preview.spacesRemoved.length - 20 }));
  for (const name of preview.spacesLeft.slice(0, 20)) lines.push(say('privacy.preview.spaceLeft', { name: truncate(escapeMarkdown(name), 100) }));
  for (const [table, count] of Object.entries(preview.rows)) {
    if (TABLES.has(table)) lines.push(say('privacy.preview.rows', { count, what: say(`privacy.table.${table}`) }));
  }
  const description = [lines.length > 0 ? lines.join('\n') : say('privacy.preview.nothing'), '', say('privacy.preview.stays'), say('privacy.preview.keepSpace')].join('\n');
  return {
    embeds: [{ title: say('privacy.preview.title'), description: truncate(description, 4000), color: 0xef4444 }],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Danger, label: truncate(say('privacy.button.delete'), 80), custom_id: customId('privacy', 'delete', userId) },
          { type: ComponentType.Button, style: ButtonStyle.Secondary, label: truncate(say('privacy.button.keep'), 80), custom_id: customId('privacy', 'keep', userId) },
        ],
      },
    ],
  };
}

/** Said instead of a confirmation when a deletion would remove nothing. */
export function nothingToDeleteText(say: Say): string {
  return say('privacy.nothingToDelete');
}

export function keptText(say: Say): string {
  return say('privacy.kept');
}

/** The organizers' notice (in the alliance's language) when a member's deletion took approved spaces out of the directory. */
export function removedSpacesNotice(say: Say, names: string[]): APIEmbed {
  const list = names.slice(0, 20).map((name) => `• ${truncate(escapeMarkdown(name), 100)}`);
  if (names.length > 20) list.push(say('privacy.removed.more', { count: names.length - 20 }));
  const lead = say('privacy.removed.lead', { count: names.length });
  return { title: say('privacy.removed.title', { count: names.length }), description: truncate(`${lead}\n${list.join('\n')}`, 4000), color: 0xef4444 };
}

export function deletedText(say: Say, summary: Record<string, Record<string, unknown>>): string {
  const spaces = (summary['directory']?.['removedSpaceIds'] as unknown[] | undefined)?.length ?? 0;
  return say('privacy.deleted', { spaces });
}
