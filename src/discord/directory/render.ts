// Directory data → what members see: profiles, result pages with Previous/Next, the organizers' approval notice,
// the welcome, join requests, stats, pending lists and import reports. Pure; every text is cut to Discord's limits.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, ComponentType, EmbedBuilder, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { countryCode } from '../../directory/countries.js';
import { CSV_COLUMNS } from '../../directory/directory-csv.service.js';
import type { ResultPage, SpaceHit } from '../../directory/directory-search.service.js';
import type { SpaceProfile } from '../../directory/directory.service.js';
import { sayIn, sayRef, type Say } from '../../i18n/translate.js';
import type { FieldProblem, MessageRef } from '../../shared/errors.js';
import type { Language } from '../../shared/languages.js';
import { directoryColumns } from '../csv-header.js';
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

/** A country's name in the reader's language (Intl, CLDR); in English (and where Intl has none) the directory's own name. */
export function countryIn(language: Language, code: string, fallback: string): string {
  if (language === 'en') return fallback;
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }).of(code.toUpperCase()) ?? fallback;
  } catch {
    return fallback;
  }
}

const where = (language: Language, s: { city: string; region: string | null; country: string; countryName: string }) =>
  [s.city, s.region, countryIn(language, s.country, s.countryName)].filter(Boolean).join(', ');

function mentions(say: Say, userIds: readonly string[]): string {
  const shown = userIds.slice(0, MENTIONS_SHOWN).map(userMention).join(' ');
  const more = userIds.length - MENTIONS_SHOWN;
  return more > 0 ? say('directory.mentions.more', { mentions: shown, count: more }) : shown;
}

const field = (name: string, value: string | null | undefined, inline = false) =>
  value ? [{ name, value: truncate(value, 1024), inline }] : [];

/** /space show, the welcome and the approval notice: everything a traveller asks before visiting. */
export function renderProfile(language: Language, space: SpaceProfile, extra: readonly { name: string; value: string }[] = []): EmbedBuilder {
  const say = sayIn(language);
  const embed = new EmbedBuilder()
    .setColor(space.status === 'approved' ? COLOR : PENDING_COLOR)
    .setTitle(truncate(space.name, 256))
    .addFields(
      ...field(say('directory.profile.where'), escapeMarkdown(where(language, space)), true),
      ...field(say('directory.profile.desks'), space.desks === null ? null : say('directory.profile.deskCount', { count: space.desks }), true),
      ...field(say('directory.profile.dayPass'), space.dayPass && escapeMarkdown(space.dayPass), true),
      // Other features' lines (the alliance pass), counted in the budget below like every field.
      ...extra.flatMap((f) => field(f.name, f.value)),
      ...field(say('directory.profile.tags'), space.tags.map((t) => `\`${t}\``).join(' ')),
      ...field(say('directory.profile.website'), space.website && plainUrl(space.website)),
      ...field(say('directory.profile.hours'), space.hours && escapeMarkdown(space.hours)),
      ...field(say('directory.profile.contact'), space.contact && escapeMarkdown(space.contact)),
      ...field(say('directory.profile.accessibility'), space.accessibility && escapeMarkdown(space.accessibility)),
      ...field(say('directory.profile.hosts'), mentions(say, space.hosts)),
      ...field(say('directory.profile.people'), space.members.length ? mentions(say, space.members) : null),
      ...field(space.status === 'approved' ? say('directory.profile.joined') : say('directory.profile.registered'), timestamp(space.approvedAt ?? space.createdAt, 'D')),
    );
  if (space.status !== 'approved') embed.setFooter({ text: say('directory.profile.pendingFooter') });
  if (space.description) {
    // The description gets what the fields leave of the message budget (escaped text can be twice as long).
    const json = embed.toJSON();
    const used = [json.title, json.footer?.text, ...(json.fields ?? []).flatMap((f) => [f.name, f.value])].reduce((n, t) => n + [...(t ?? '')].length, 0);
    const room = Math.min(4096, EMBED_BUDGET - used);
    if (room > 20) embed.setDescription(truncate(escapeMarkdown(space.description), room));
  }
  return embed;
}

function hitLine(language: Language, hit: SpaceHit, index: number, mark: string | null): string {
  const say = sayIn(language);
  // A space in the city searched from reads "in Seattle" (its own coordinates, when given, add how far from the centre).
  const city = escapeMarkdown(hit.city);
  const distance = hit.distanceKm === undefined ? null : hit.sameCity
    ? hit.distanceKm >= 0.1 ? say('directory.hit.inCityFromCentre', { city, km: hit.distanceKm }) : say('directory.hit.inCity', { city })
    : say('directory.hit.distance', { km: hit.distanceKm });
  const parts = [
    distance,
    hit.sameCity ? null : escapeMarkdown(where(language, hit)),
    hit.desks === null ? null : say('directory.hit.desks', { count: hit.desks }),
    hit.dayPass ? say('directory.hit.dayPass', { terms: escapeMarkdown(truncate(hit.dayPass, 60)) }) : null,
    mark,
  ].filter(Boolean);
  const tags = hit.tags.length ? `\n   ${hit.tags.map((t) => `\`${t}\``).join(' ')}` : '';
  const head = `**${index}. ${escapeMarkdown(truncate(hit.name, 80))}**`;
  return `${head} · ${truncate(`${parts.join(' · ')}${tags}`, LINE_MAX - [...head].length - 3)}`;
}

/**
 * Result lines already written, per hit: a repeated search or `near` hands back the same hits while the directory is
 * unchanged (the domain remembers its pages), so its lines are not written again. By language, number on the page and
 * pass mark, the only other things a line says; each goes when its hit is let go.
 */
const written = new WeakMap<SpaceHit, Map<string, string>>();

function hitLineOnce(language: Language, hit: SpaceHit, index: number, mark: string | null): string {
  const key = `${language}\u0000${index}\u0000${mark ?? ''}`;
  let lines = written.get(hit);
  const kept = lines?.get(key);
  if (kept !== undefined) return kept;
  if (!lines) written.set(hit, (lines = new Map()));
  const line = hitLine(language, hit, index, mark);
  lines.set(key, line);
  return line;
}

type PageRow = APIActionRowComponent<APIButtonComponent>;

/** Previous/Next carry the parked query's id and the target page, so they work after a restart. */
export function pageButtons(say: Say, kind: 'search' | 'near', page: { searchId: number; page: number; pageCount: number }): PageRow[] {
  if (page.pageCount <= 1) return [];
  const button = (label: string, target: number, end: 'p' | 'n', disabled: boolean): APIButtonComponent =>
    ({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: truncate(label, 80), custom_id: customId('directory', 'page', kind, page.searchId, target, end), disabled });
  return [{
    type: ComponentType.ActionRow,
    components: [
      button(say('directory.results.previous'), Math.max(0, page.page - 1), 'p', page.page === 0),
      button(say('directory.results.next'), Math.min(page.pageCount - 1, page.page + 1), 'n', page.page >= page.pageCount - 1),
    ],
  }];
}

/** One page of results (10), as an embed with the paging buttons. */
export function renderResults(language: Language, kind: 'search' | 'near', page: ResultPage<unknown>, heading: string, passMark: (spaceId: number) => string | null = () => null): { embeds: APIEmbed[]; components: PageRow[] } {
  const say = sayIn(language);
  const first = page.page * 10;
  const lines = page.items.map((hit, i) => hitLineOnce(language, hit, first + i + 1, passMark(hit.id)));
  // Counting stops at a cap (see LIMITS.countCap): say so, and point at narrowing instead of endless paging.
  const counts = { page: page.page + 1, pages: page.pageCount, total: page.total };
  // Plain API data, as Discord takes it: a builder's setters run discord.js's validators (setColor's and setTitle's
  // threw and caught an error with a stack trace on every call), and even its constructor copies the data through
  // toSnakeCase, and toJSON copies it again. The texts are cut to Discord's limits here, and the test bed checks them
  // like Discord does.
  const footer = page.totalCapped ? say('directory.results.footerCapped', counts) : say('directory.results.footer', counts);
  const embed: APIEmbed = { color: COLOR, title: truncate(heading, 256), description: truncate(lines.join('\n'), 4096), footer: { text: truncate(footer, 2048) } };
  return { embeds: [embed], components: pageButtons(say, kind, page) };
}

/** The ephemeral answer to a search that found nothing: what to widen. */
export function renderEmpty(say: Say, heading: string, suggestions: readonly MessageRef[]): string {
  const none = say('directory.results.none', { heading });
  const tips = suggestions.length ? `\n${say('directory.results.try')} ${suggestions.map((s) => `• ${sayRef(say, s)}`).join('\n')}` : '';
  return truncate(`🔍 ${none}${tips}`, 2000);
}

type HeadingQuery = { text?: string; city?: string; country?: string; tag?: string; minDesks?: number; maxDesks?: number };

/** A country filter as the reader says it ("DE" or "Alemania" → "Allemagne"); what was typed when it names none. */
const countryValue = (typed: string) => {
  const code = countryCode(typed);
  return code ? { country: code } : typed;
};

/** A search's title: the filters, each said in the reader's language, listed like the query was typed. */
export function searchHeading(say: Say, query: HeadingQuery, cityName?: string): string {
  const parts = [
    query.text ? say('directory.heading.text', { text: query.text }) : null,
    query.city ? say('directory.heading.city', { city: cityName ?? query.city }) : null,
    query.country ? say('directory.heading.country', { country: countryValue(query.country) }) : null,
    query.tag ? say('directory.heading.tag', { tag: query.tag }) : null,
    query.minDesks !== undefined ? say('directory.heading.minDesks', { count: query.minDesks }) : null,
    query.maxDesks !== undefined ? say('directory.heading.maxDesks', { count: query.maxDesks }) : null,
  ].filter(Boolean);
  return parts.length ? say('directory.heading.filtered', { filters: parts.join(', ') }) : say('directory.heading.all');
}

export const nearHeading = (say: Say, page: { radiusKm: number; origin: { name: string } }) =>
  say('directory.heading.near', { km: page.radiusKm, place: page.origin.name });

/** Approve/Reject for organizers (approval notice and /directory pending). */
export function approvalButtons(say: Say, space: { id: number; name: string }): Row {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(customId('directory', 'approve', space.id)).setLabel(truncate(say('directory.approval.approve', { name: space.name }), 80)).setStyle(ButtonStyle.Success),
    new ButtonBuilder().setCustomId(customId('directory', 'reject', space.id)).setLabel(say('directory.approval.reject')).setStyle(ButtonStyle.Danger),
  );
}

/** Posted in the organizers' channel: in the alliance's language. */
export function renderApprovalNotice(language: Language, space: SpaceProfile) {
  const say = sayIn(language);
  return {
    content: truncate(say('directory.approval.notice', { user: userMention(space.createdBy), name: escapeMarkdown(space.name), city: escapeMarkdown(space.city) }), 2000),
    embeds: [renderProfile(language, space)],
    components: [approvalButtons(say, space)],
  };
}

/** The public welcome in announcements: in the alliance's language. */
export function renderWelcome(language: Language, space: SpaceProfile) {
  const say = sayIn(language);
  return {
    content: truncate(say('directory.welcome', { name: escapeMarkdown(space.name), city: escapeMarkdown(space.city), hosts: mentions(say, space.hosts) }), 2000),
    embeds: [renderProfile(language, space)],
  };
}

/** /directory pending: the list, with Approve/Reject rows for the first five. */
export function renderPending(language: Language, spaces: readonly SpaceProfile[]) {
  const say = sayIn(language);
  if (!spaces.length) return { content: say('directory.pending.none'), embeds: [], components: [] };
  const lines = spaces.map((s) =>
    say('directory.pending.line', { name: escapeMarkdown(truncate(s.name, 80)), where: escapeMarkdown(where(language, s)), user: userMention(s.createdBy), when: timestamp(s.createdAt, 'R') }),
  );
  return {
    content: '',
    embeds: fitEmbeds(lines, { say, title: say('directory.pending.title', { count: spaces.length }), color: PENDING_COLOR, moreHint: say('directory.pending.moreHint') }),
    components: spaces.slice(0, 5).map((s) => approvalButtons(say, s)),
  };
}

/** The host's DM (or the organizers' fallback) with Approve/Decline for a member's link: in the alliance's language. */
export function renderJoinRequest(say: Say, guildId: string, space: { id: number; name: string }, userId: string, fallback: boolean) {
  const values = { user: userMention(userId), name: escapeMarkdown(space.name) };
  return {
    content: truncate(fallback ? say('space.join.requestFallback', values) : say('space.join.request', values), 2000),
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(customId('space', 'join', guildId, space.id, userId, 1)).setLabel(say('space.join.approve')).setStyle(ButtonStyle.Success),
        new ButtonBuilder().setCustomId(customId('space', 'join', guildId, space.id, userId, 0)).setLabel(say('space.join.decline')).setStyle(ButtonStyle.Secondary),
      ),
    ],
  };
}

export function renderRemoveConfirm(say: Say, space: { id: number; name: string }) {
  return {
    content: say('space.remove.confirm', { name: escapeMarkdown(space.name) }),
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(customId('space', 'remove', space.id)).setLabel(say('space.remove.button')).setStyle(ButtonStyle.Danger),
        new ButtonBuilder().setCustomId(customId('space', 'keep', space.id)).setLabel(say('space.remove.keepButton')).setStyle(ButtonStyle.Secondary),
      ),
    ],
  };
}

export interface DirectoryStats {
  total: number;
  byCountry: { country: string; name: string; count: number }[];
  byCity: { city: string; count: number }[];
  byTag: { tag: string; count: number }[];
}

export function renderStats(language: Language, stats: DirectoryStats): EmbedBuilder {
  const say = sayIn(language);
  const list = (rows: { label: string; count: number }[]) =>
    truncate(rows.map((r) => say('directory.stats.line', { label: escapeMarkdown(r.label), count: r.count })).join('\n') || say('directory.stats.none'), 1024);
  return new EmbedBuilder()
    .setColor(COLOR)
    .setTitle(say('directory.stats.title', { count: stats.total }))
    .addFields(
      { name: say('directory.stats.byCountry'), value: list(stats.byCountry.map((r) => ({ label: countryIn(language, r.country, r.name), count: r.count }))), inline: true },
      { name: say('directory.stats.byCity'), value: list(stats.byCity.map((r) => ({ label: r.city, count: r.count }))), inline: true },
      { name: say('directory.stats.byTag'), value: list(stats.byTag.map((r) => ({ label: r.tag, count: r.count }))), inline: true },
    );
}

/** The answer to a successful import; a file read as Windows-1252 says so, so the organizer can check its letters. */
export function renderImported(say: Say, done: { created: number; updated: number }, encoding: 'utf-8' | 'windows-1252'): string {
  const counts = say('directory.import.done', { created: done.created, updated: done.updated });
  return encoding === 'windows-1252' ? `${counts}\n${say('directory.import.windows1252')}` : counts;
}

/** A problem the import names by cell ("row 3 desks"): the import's own way to name a field, see the CSV service. */
const CELL = /^row (\d+) (\S+)$/;

/** One import problem in the reader's words: its cell said as "ligne 3 postes", with the column as the export names it. */
function importProblemText(say: Say, p: FieldProblem): string {
  if (!p.text) return p.message;
  const cell = CELL.exec(p.field);
  if (!cell) return sayRef(say, p.text);
  const id = cell[2]!.replaceAll('-', '_');
  const column = (CSV_COLUMNS as readonly string[]).includes(id) ? directoryColumns(say)(id) : cell[2]!;
  const named = say('directory.import.cell', { row: Number(cell[1]), column });
  const values = Object.fromEntries(Object.entries(p.text.values ?? {}).map(([name, value]) => [name, value === p.field ? named : value]));
  return sayRef(say, { key: p.text.key, values });
}

/** A refused import: the per-row report as an embed (the problems can exceed a message's 2000 characters). */
export function renderImportProblems(say: Say, summary: string, problems: readonly FieldProblem[]) {
  const text = (p: FieldProblem) => importProblemText(say, p);
  return {
    content: truncate(`⚠️ ${summary}`, 2000),
    embeds: fitEmbeds(problems.map((p) => `• ${escapeMarkdown(text(p))}`), { say, title: say('directory.import.fixRows'), color: 0xef4444 }),
  };
}
