// Directory data → what members see: profiles, result pages with Previous/Next, the organizers' approval notice,
// the welcome, join requests, stats, pending lists and import reports. Pure; every text is cut to Discord's limits.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { ResultPage, SpaceHit } from '../../directory/directory-search.service.js';
import type { SpaceProfile } from '../../directory/directory.service.js';
import type { FieldProblem } from '../../shared/errors.js';
import { customId } from '../custom-id.js';
import { escapeMarkdown, plainUrl, timestamp, truncate, userMention } from '../format.js';
import { fitEmbeds } from '../fit.js';

const COLOR = 0x0ea5e9;
/** All embeds of a message together: Discord's 6000, with room to spare. */
const EMBED_BUDGET = 5800;
/** One result line: ten of them fit a 4096-character description. */
const LINE_MAX = 400;
const PENDING_COLOR = 0xf59e0b;
/** Mentions listed in one field before "and N more" (a field value is at most 1024 characters). */
const MENTIONS_SHOWN = 30;

type Row = ActionRowBuilder<ButtonBuilder>;

const where = (s: { city: string; region: string | null; countryName: string }) =>
  [s.city, s.region, s.countryName].filter(Boolean).join(', ');

function mentions(userIds: readonly string[]): string {
  const shown = userIds.slice(0, MENTIONS_SHOWN).map(userMention).join(' ');
  const more = userIds.length - MENTIONS_SHOWN;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

const field = (name: string, value: string | null | undefined, inline = false) =>
  value ? [{ name, value: truncate(value, 1024), inline }] : [];

/** /space show, the welcome and the approval notice: everything a traveller asks before visiting. */
export function renderProfile(space: SpaceProfile, extra: readonly { name: string; value: string }[] = []): EmbedBuilder {
  const embed = new EmbedBuilder()
    .setColor(space.status === 'approved' ? COLOR : PENDING_COLOR)
    .setTitle(truncate(space.name, 256))
    .addFields(
      ...field('Where', escapeMarkdown(where(space)), true),
      ...field('Desks', space.desks === null ? null : String(space.desks), true),
      ...field('Day pass', space.dayPass && escapeMarkdown(space.dayPass), true),
      // Other features' lines (the alliance pass), counted in the budget below like every field.
      ...extra.flatMap((f) => field(f.name, f.value)),
      ...field('Tags', space.tags.map((t) => `\`${t}\``).join(' ')),
      ...field('Website', space.website && plainUrl(space.website)),
      ...field('Opening hours', space.hours && escapeMarkdown(space.hours)),
      ...field('Book a day pass / who answers', space.contact && escapeMarkdown(space.contact)),
      ...field('Accessibility', space.accessibility && escapeMarkdown(space.accessibility)),
      ...field('Hosts', mentions(space.hosts)),
      ...field('People', space.members.length ? mentions(space.members) : null),
      ...field(space.status === 'approved' ? 'Joined' : 'Registered', timestamp(space.approvedAt ?? space.createdAt, 'D')),
    );
  if (space.status !== 'approved') embed.setFooter({ text: 'Waiting for an organizer to approve it' });
  if (space.description) {
    // The description gets what the fields leave of the message budget (escaped text can be twice as long).
    const json = embed.toJSON();
    const used = [json.title, json.footer?.text, ...(json.fields ?? []).flatMap((f) => [f.name, f.value])].reduce((n, t) => n + [...(t ?? '')].length, 0);
    const room = Math.min(4096, EMBED_BUDGET - used);
    if (room > 20) embed.setDescription(truncate(escapeMarkdown(space.description), room));
  }
  return embed;
}

function hitLine(hit: SpaceHit, index: number, passMark: (spaceId: number) => string | null): string {
  // A space in the city searched from reads "in Seattle" (its own coordinates, when given, add how far from the centre).
  const distance = hit.distanceKm === undefined ? null : hit.sameCity
    ? `in ${escapeMarkdown(hit.city)}${hit.distanceKm >= 0.1 ? `, ${hit.distanceKm.toFixed(1)} km from the centre` : ''}`
    : `${hit.distanceKm.toFixed(1)} km`;
  const parts = [
    distance,
    hit.sameCity ? null : escapeMarkdown(where(hit)),
    hit.desks === null ? null : `${hit.desks} desk${hit.desks === 1 ? '' : 's'}`,
    hit.dayPass ? `day pass ${escapeMarkdown(truncate(hit.dayPass, 60))}` : null,
    passMark(hit.id),
  ].filter(Boolean);
  const tags = hit.tags.length ? `\n   ${hit.tags.map((t) => `\`${t}\``).join(' ')}` : '';
  const head = `**${index}. ${escapeMarkdown(truncate(hit.name, 80))}**`;
  return `${head} · ${truncate(`${parts.join(' · ')}${tags}`, LINE_MAX - [...head].length - 3)}`;
}

/** Previous/Next carry the parked query's id and the target page, so they work after a restart. */
export function pageButtons(kind: 'search' | 'near', page: { searchId: number; page: number; pageCount: number }): Row[] {
  if (page.pageCount <= 1) return [];
  return [
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder()
        .setCustomId(customId('directory', 'page', kind, page.searchId, Math.max(0, page.page - 1), 'p'))
        .setLabel('Previous')
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(page.page === 0),
      new ButtonBuilder()
        .setCustomId(customId('directory', 'page', kind, page.searchId, Math.min(page.pageCount - 1, page.page + 1), 'n'))
        .setLabel('Next')
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(page.page >= page.pageCount - 1),
    ),
  ];
}

/** One page of results (10), as an embed with the paging buttons. */
export function renderResults(kind: 'search' | 'near', page: ResultPage<unknown>, heading: string, passMark: (spaceId: number) => string | null = () => null) {
  const first = page.page * 10;
  const lines = page.items.map((hit, i) => hitLine(hit, first + i + 1, passMark));
  // Counting stops at a cap (see LIMITS.countCap): say so, and point at narrowing instead of endless paging.
  const more = page.totalCapped ? '+' : '';
  const hint = page.totalCapped ? 'add a filter to narrow it' : '/space show for a profile';
  const embed = new EmbedBuilder()
    .setColor(COLOR)
    .setTitle(truncate(heading, 256))
    .setDescription(lines.join('\n'))
    .setFooter({ text: `Page ${page.page + 1} of ${page.pageCount}${more} · ${page.total}${more} space${page.total === 1 ? '' : 's'} · ${hint}` });
  return { embeds: [embed], components: pageButtons(kind, page) };
}

/** The ephemeral answer to a search that found nothing: what to widen. */
export function renderEmpty(heading: string, suggestions: readonly string[]): string {
  const tips = suggestions.length ? `\nTry: ${suggestions.map((s) => `• ${s}`).join('\n')}` : '';
  return truncate(`🔍 ${heading}: no spaces found.${tips}`, 2000);
}

export function searchHeading(query: { text?: string; city?: string; country?: string; tag?: string; minDesks?: number; maxDesks?: number }, cityName?: string): string {
  const parts = [
    query.text ? `"${query.text}"` : null,
    query.city ? `in ${cityName ?? query.city}` : null,
    query.country ? `country ${query.country}` : null,
    query.tag ? `tag ${query.tag}` : null,
    query.minDesks !== undefined ? `≥ ${query.minDesks} desk${query.minDesks === 1 ? '' : 's'}` : null,
    query.maxDesks !== undefined ? `≤ ${query.maxDesks} desk${query.maxDesks === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  return parts.length ? `Spaces: ${parts.join(', ')}` : 'All spaces';
}

/** Approve/Reject for organizers (approval notice and /directory pending). */
export function approvalButtons(space: { id: number; name: string }): Row {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(customId('directory', 'approve', space.id)).setLabel(truncate(`Approve ${space.name}`, 80)).setStyle(ButtonStyle.Success),
    new ButtonBuilder().setCustomId(customId('directory', 'reject', space.id)).setLabel('Reject').setStyle(ButtonStyle.Danger),
  );
}

export function renderApprovalNotice(space: SpaceProfile) {
  return {
    content: truncate(`🆕 ${userMention(space.createdBy)} registered **${escapeMarkdown(space.name)}** in ${escapeMarkdown(space.city)}. Approve it to list it in the directory.`, 2000),
    embeds: [renderProfile(space)],
    components: [approvalButtons(space)],
  };
}

export function renderWelcome(space: SpaceProfile) {
  return {
    content: truncate(`👋 Welcome to the directory, **${escapeMarkdown(space.name)}** in ${escapeMarkdown(space.city)}! Hosted by ${mentions(space.hosts)}.`, 2000),
    embeds: [renderProfile(space)],
  };
}

/** /directory pending: the list, with Approve/Reject rows for the first five. */
export function renderPending(spaces: readonly SpaceProfile[]) {
  if (!spaces.length) return { content: 'No spaces are waiting for approval.', embeds: [], components: [] };
  const lines = spaces.map(
    (s) => `**${escapeMarkdown(truncate(s.name, 80))}** · ${escapeMarkdown(where(s))} · by ${userMention(s.createdBy)} · ${timestamp(s.createdAt, 'R')}`,
  );
  return {
    content: '',
    embeds: fitEmbeds(lines, { title: `Waiting for approval (${spaces.length})`, color: PENDING_COLOR, moreHint: 'approve the first ones to see the rest' }),
    components: spaces.slice(0, 5).map(approvalButtons),
  };
}

/** The host's DM (or the organizers' fallback) with Approve/Decline for a member's link. */
export function renderJoinRequest(guildId: string, space: { id: number; name: string }, userId: string, fallback: boolean) {
  const who = fallback ? 'Hosts of this space (or organizers): ' : '';
  return {
    content: truncate(`${who}${userMention(userId)} asks to be listed as working from **${escapeMarkdown(space.name)}**.`, 2000),
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(customId('space', 'join', guildId, space.id, userId, 1)).setLabel('Approve').setStyle(ButtonStyle.Success),
        new ButtonBuilder().setCustomId(customId('space', 'join', guildId, space.id, userId, 0)).setLabel('Decline').setStyle(ButtonStyle.Secondary),
      ),
    ],
  };
}

export function renderRemoveConfirm(space: { id: number; name: string }) {
  return {
    content: `Remove **${escapeMarkdown(space.name)}** from the directory? Its hosts, people and tags go with it.`,
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(customId('space', 'remove', space.id)).setLabel('Remove').setStyle(ButtonStyle.Danger),
        new ButtonBuilder().setCustomId(customId('space', 'keep', space.id)).setLabel('Keep it').setStyle(ButtonStyle.Secondary),
      ),
    ],
  };
}

export interface DirectoryStats {
  total: number;
  byCountry: { name: string; count: number }[];
  byCity: { city: string; count: number }[];
  byTag: { tag: string; count: number }[];
}

export function renderStats(stats: DirectoryStats): EmbedBuilder {
  const list = (rows: { label: string; count: number }[]) =>
    truncate(rows.map((r) => `${escapeMarkdown(r.label)}: **${r.count}**`).join('\n') || 'none yet', 1024);
  return new EmbedBuilder()
    .setColor(COLOR)
    .setTitle(`Directory: ${stats.total} approved space${stats.total === 1 ? '' : 's'}`)
    .addFields(
      { name: 'By country', value: list(stats.byCountry.map((r) => ({ label: r.name, count: r.count }))), inline: true },
      { name: 'By city', value: list(stats.byCity.map((r) => ({ label: r.city, count: r.count }))), inline: true },
      { name: 'By tag', value: list(stats.byTag.map((r) => ({ label: r.tag, count: r.count }))), inline: true },
    );
}

/** A refused import: the per-row report as an embed (the problems can exceed a message's 2000 characters). */
/** The answer to a successful import; a file read as Windows-1252 says so, so the organizer can check its letters. */
export function renderImported(done: { created: number; updated: number }, encoding: 'utf-8' | 'windows-1252'): string {
  const counts = `✅ Imported: ${done.created} new space${done.created === 1 ? '' : 's'}, ${done.updated} updated. New spaces are approved; spaces already listed keep their status.`;
  return encoding === 'windows-1252' ? `${counts}\nThe file was not UTF-8, so I read it as Windows-1252 (as Excel saves CSV on Windows); check a few accented names.` : counts;
}

export function renderImportProblems(summary: string, problems: readonly FieldProblem[]) {
  return {
    content: truncate(`⚠️ ${summary}`, 2000),
    embeds: fitEmbeds(problems.map((p) => `• ${escapeMarkdown(p.message)}`), { title: 'Fix these rows and import the file again', color: 0xef4444 }),
  };
}
