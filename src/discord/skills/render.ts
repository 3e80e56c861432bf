// Skill-share as Discord messages: entry lists with remove buttons, ranked matches with intro buttons (or a
// select past five), who-offers lists, intro requests and introductions, reminders and notices. Pure.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, StringSelectMenuBuilder, type MessageActionRowComponentBuilder } from 'discord.js';
import type { IntroLink } from '../../db/schema/index.js';
import type { Intro, TopHelper } from '../../skills/intros.service.js';
import { LOCALITY_WORDS, type Locality, type MatchEntry } from '../../skills/match.rules.js';
import type { AddResult, MatchView, Privacy, WhoOffers } from '../../skills/skills.service.js';
import { customId } from '../custom-id.js';
import { escapeMarkdown, timestamp, truncate, userMention } from '../format.js';
import { dayInWords, dayOfInstant } from '../../shared/day-words.js';

const COLOR = 0x6b46c1;
export const MATCHES_SHOWN = 10;
export const BUTTONS_UNTIL = 5;
/** Ten people at this size keep the whole embed under Discord's 6000-character total. */
const FIELD_BUDGET = 520;

type Row = ActionRowBuilder<MessageActionRowComponentBuilder>;
export interface RenderedMessage {
  content?: string;
  embeds: EmbedBuilder[];
  components: Row[];
}

function rows(components: MessageActionRowComponentBuilder[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < components.length && out.length < 5; i += 5) out.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(components.slice(i, i + 5)));
  return out;
}

const LEVEL: Record<string, string> = { learning: 'learning', practiced: 'practiced', expert: 'expert' };

function entryLine(entry: MatchEntry, index: number): string {
  const level = entry.level ? ` · ${LEVEL[entry.level]}` : '';
  const by = entry.byDate ? ` · needed by ${dayInWords(entry.byDate)}` : '';
  const expires = entry.expiresAt ? ` · lapses ${timestamp(entry.expiresAt, 'R')}` : '';
  const note = entry.note ? `\n   ${truncate(escapeMarkdown(entry.note), 120)}` : '';
  return `${index}. **${entry.label}**${level}${by}${expires}${note}`;
}

/** /skills mine: offers then needs, numbered, one remove button per entry (at most 20 fit in four rows). */
export function renderEntries(entries: readonly MatchEntry[]): RenderedMessage {
  if (entries.length === 0) {
    return { content: 'You have no offers or needs yet. Add one with `/skills offer` or `/skills need`.', embeds: [], components: [] };
  }
  const offers = entries.filter((entry) => entry.kind === 'offer');
  const needs = entries.filter((entry) => entry.kind === 'need');
  const numbered = [...offers, ...needs];
  const embed = new EmbedBuilder().setTitle('Your skills').setColor(COLOR);
  if (offers.length) embed.addFields({ name: 'You offer', value: truncate(offers.map((e) => entryLine(e, numbered.indexOf(e) + 1)).join('\n'), 1024) });
  if (needs.length) embed.addFields({ name: 'You need', value: truncate(needs.map((e) => entryLine(e, numbered.indexOf(e) + 1)).join('\n'), 1024) });
  embed.setFooter({ text: `${entries.length} of 20 entries · needs lapse after 90 days unless renewed` });
  const buttons = numbered.map((entry, i) =>
    new ButtonBuilder().setCustomId(customId('skills', 'rm', entry.id)).setStyle(ButtonStyle.Secondary).setLabel(truncate(`Remove ${i + 1}. ${entry.label}`, 80)),
  );
  return { embeds: [embed], components: rows(buttons) };
}

/** Whole lines while they fit (a cut line could leave markdown open); the first line is cut if it must be. */
function fitLines(lines: readonly string[], max: number): string {
  let out = truncate(lines[0] ?? '', max);
  for (const line of lines.slice(1)) {
    if ([...out].length + 1 + [...line].length > max) break;
    out += `\n${line}`;
  }
  return out;
}

function placeText(place: Locality | null, tier: MatchView['locality']): string {
  const where = place ? `${escapeMarkdown(place.spaceName)}, ${escapeMarkdown(place.city)}` : '';
  const words = LOCALITY_WORDS[tier];
  return [where, words ? `(${words})` : ''].filter(Boolean).join(' ');
}

/** /skills match: the best people with why; Request intro buttons for up to five, a select menu beyond. */
export function renderMatches(matches: readonly MatchView[], hasEntries: boolean): RenderedMessage {
  if (matches.length === 0) {
    return {
      content: hasEntries
        ? 'No matches yet. I will tell you by DM when someone offers what you need or needs what you offer.'
        : 'Add what you offer and need first (`/skills offer`, `/skills need`), then run `/skills match`.',
      embeds: [],
      components: [],
    };
  }
  const shown = matches.slice(0, MATCHES_SHOWN);
  const embed = new EmbedBuilder().setTitle('Your matches').setColor(COLOR).setDescription('Mutual matches first, then the closest skills, levels, places and the freshest entries.');
  shown.forEach((match, i) => {
    const where = placeText(match.place, match.locality);
    const header = `${userMention(match.userId)}${where ? ` · ${where}` : ''}${match.introsOpen ? '' : ' · not taking intros'}`;
    const reasons = match.reasons.slice(0, 4).map((reason) => `• ${reason}`);
    embed.addFields({ name: `${i + 1}. ${match.mutual ? 'Mutual match' : 'Match'}`, value: fitLines([header, ...reasons], FIELD_BUDGET) });
  });
  if (matches.length > shown.length) embed.setFooter({ text: `Showing ${shown.length} of ${matches.length} matches.` });
  const open = shown.map((match, i) => ({ match, n: i + 1 })).filter(({ match }) => match.introsOpen);
  let components: Row[] = [];
  if (open.length > 0 && open.length <= BUTTONS_UNTIL) {
    components = rows(open.map(({ n, match }) => new ButtonBuilder().setCustomId(customId('skills', 'intro', match.userId)).setStyle(ButtonStyle.Primary).setLabel(`Request intro #${n}`)));
  } else if (open.length > BUTTONS_UNTIL) {
    const menu = new StringSelectMenuBuilder()
      .setCustomId(customId('skills', 'intro-pick'))
      .setPlaceholder('Request an introduction to…')
      .addOptions(
        open.map(({ n, match }) => ({
          label: truncate(`#${n} ${match.mutual ? 'Mutual match' : 'Match'}`, 100),
          description: truncate(match.reasons[0]?.replace(/\*\*/g, '') ?? 'matching skills', 100),
          value: match.userId,
        })),
      );
    components = [new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(menu)];
  }
  return { embeds: [embed], components };
}

/** "1 member needs it" / "3 members offer it": who fits a new offer or need. */
export function matchingMembersText(count: number, kind: 'offer' | 'need'): string {
  const verb = kind === 'offer' ? (count === 1 ? 'needs' : 'need') : count === 1 ? 'offers' : 'offer';
  return `${count} member${count === 1 ? '' : 's'} ${verb} it: see \`/skills match\`.`;
}

/** /skills who: who offers a skill, nearest and most experienced first. */
export function renderWho(result: { skill: { label: string }; offers: readonly WhoOffers[] }): RenderedMessage {
  if (result.offers.length === 0) return { content: `Nobody offers **${result.skill.label}** yet.`, embeds: [], components: [] };
  const lines = result.offers.slice(0, 25).map((offer) => {
    const level = offer.entry.level ? ` · ${LEVEL[offer.entry.level]}` : '';
    const where = offer.place ? ` · ${escapeMarkdown(offer.place.spaceName)}, ${escapeMarkdown(offer.place.city)}` : '';
    const note = offer.entry.note ? ` — ${truncate(escapeMarkdown(offer.entry.note), 80)}` : '';
    return `${userMention(offer.userId)}${level}${where}${note}`;
  });
  const embed = new EmbedBuilder().setTitle(`Who offers ${result.skill.label}`).setColor(COLOR).setDescription(truncate(lines.join('\n'), 4000));
  if (result.offers.length > 25) embed.setFooter({ text: `Showing 25 of ${result.offers.length}.` });
  return { embeds: [embed], components: [] };
}

export function renderPrivacy(privacy: Privacy): string {
  return [
    '🔒 Your skill-share privacy:',
    `• Matching: **${privacy.matching}**${privacy.matching === 'hidden' ? ' (you appear in no one’s matches)' : ''}`,
    `• Introductions: **${privacy.intros}**${privacy.intros === 'closed' ? ' (no one can request an intro to you)' : ''}`,
    `• Reminders before a need lapses: **${privacy.reminders}**`,
  ].join('\n');
}

export function renderTop(top: { from: number; helpers: readonly TopHelper[] }): RenderedMessage {
  if (top.helpers.length === 0) return { content: 'No thanks or helpful introductions yet this month. Say thanks with `/skills thanks`.', embeds: [], components: [] };
  const lines = top.helpers.map((helper, i) => {
    const parts = [helper.thanks ? `${helper.thanks} ${helper.thanks === 1 ? 'thank-you' : 'thanks'}` : '', helper.helpful ? `${helper.helpful} helpful intro${helper.helpful === 1 ? '' : 's'}` : ''].filter(Boolean);
    return `${i + 1}. ${userMention(helper.userId)} · ${parts.join(', ')}`;
  });
  return { embeds: [new EmbedBuilder().setTitle('Top helpers this month').setColor(COLOR).setDescription(lines.join('\n')).setFooter({ text: 'Since the 1st, alliance time' })], components: [] };
}

function skillsList(labels: readonly string[]): string {
  return labels.map((label) => `**${label}**`).join(', ');
}

/** The skills a link names from the side of `side`: the need that was met, or the offer that met it. */
function linkList(links: readonly IntroLink[], side: 'need' | 'offer'): string {
  return links
    .map((link) => {
      if (typeof link === 'string') return `**${link}**`;
      const other = side === 'need' ? link.offer : link.need;
      return link.close ? `**${link[side]}** (close to **${other}**)` : `**${link[side]}**`;
    })
    .join(', ');
}

/** What the asked member sees: who asks, which skills link them, Accept / Decline. */
export function renderIntroRequest(intro: Intro, guildName: string): RenderedMessage {
  const lines = [`👋 ${userMention(intro.requesterId)} from **${escapeMarkdown(guildName)}** would like an introduction.`];
  if (intro.targetOffers.length) lines.push(`They need ${linkList(intro.targetOffers, 'need')}, which you offer.`);
  if (intro.requesterOffers.length) lines.push(`They offer ${linkList(intro.requesterOffers, 'offer')}, which you need.`);
  lines.push('If you accept, I introduce you to each other. If you decline, they are told politely, without details.');
  const buttons = [
    new ButtonBuilder().setCustomId(customId('skills', 'accept', intro.guildId, intro.id)).setStyle(ButtonStyle.Success).setLabel('Accept'),
    new ButtonBuilder().setCustomId(customId('skills', 'decline', intro.guildId, intro.id)).setStyle(ButtonStyle.Secondary).setLabel('Decline'),
  ];
  return { content: lines.join('\n'), embeds: [], components: rows(buttons) };
}

/** The introduction itself, addressed to one of the two (or both, in a shared thread). */
export function renderIntroduction(intro: Intro, forUserId: string | null): string {
  const lines: string[] = [];
  if (forUserId === intro.requesterId) lines.push(`🤝 ${userMention(intro.targetId)} accepted your introduction request. Meet each other!`);
  else if (forUserId === intro.targetId) lines.push(`🤝 Meet ${userMention(intro.requesterId)}: you accepted their introduction request.`);
  else lines.push(`🤝 ${userMention(intro.requesterId)}, meet ${userMention(intro.targetId)}; ${userMention(intro.targetId)}, meet ${userMention(intro.requesterId)}.`);
  if (intro.targetOffers.length) lines.push(`• ${userMention(intro.targetId)} offers ${linkList(intro.targetOffers, 'offer')}, which ${userMention(intro.requesterId)} needs.`);
  if (intro.requesterOffers.length) lines.push(`• ${userMention(intro.requesterId)} offers ${linkList(intro.requesterOffers, 'offer')}, which ${userMention(intro.targetId)} needs.`);
  lines.push('Say hello and find a time that suits you both. In a week I will ask whether it helped.');
  return lines.join('\n');
}

export function renderDeclined(intro: Intro): string {
  return `Thanks for asking. ${userMention(intro.targetId)} can’t take this introduction right now. Other matches are waiting in \`/skills match\`.`;
}

export function renderFollowup(intro: Intro, forUserId: string): RenderedMessage {
  const other = forUserId === intro.requesterId ? intro.targetId : intro.requesterId;
  const buttons = [
    new ButtonBuilder().setCustomId(customId('skills', 'helped', intro.guildId, intro.id, 1)).setStyle(ButtonStyle.Success).setLabel('Yes, it helped'),
    new ButtonBuilder().setCustomId(customId('skills', 'helped', intro.guildId, intro.id, 0)).setStyle(ButtonStyle.Secondary).setLabel('Not really'),
  ];
  return { content: `A week ago I introduced you to ${userMention(other)}. Did it help?`, embeds: [], components: rows(buttons) };
}

export function renderReminder(entry: MatchEntry, guildId: string, timeZone: string): RenderedMessage {
  const buttons = [
    new ButtonBuilder().setCustomId(customId('skills', 'renew', guildId, entry.id)).setStyle(ButtonStyle.Primary).setLabel('Keep it 90 more days'),
    new ButtonBuilder().setCustomId(customId('skills', 'noremind', guildId)).setStyle(ButtonStyle.Secondary).setLabel('Stop these reminders'),
  ];
  return {
    content: `⏳ Your need **${entry.label}** lapses ${timestamp(entry.expiresAt ?? 0, 'R')} (on ${dayOfInstant(entry.expiresAt ?? 0, timeZone)}). Still need it?`,
    embeds: [],
    components: rows(buttons),
  };
}

export function renderMatchNotice(notice: { yours: MatchEntry; theirs: MatchEntry }): string {
  const what = notice.theirs.kind === 'offer' ? `now offers **${notice.theirs.label}**, which you need` : `now needs **${notice.theirs.label}**, which you offer`;
  return `✨ ${userMention(notice.theirs.userId)} ${what}. Run \`/skills match\` in the alliance to ask for an introduction.`;
}

export function renderSuggestion(suggestion: { label: string; firstUserId: string }): string {
  return `🧩 New skill: **${escapeMarkdown(suggestion.label)}** (first added by ${userMention(suggestion.firstUserId)}) is not in the skill list. If it deserves a place, suggest it for the skill list.`;
}

/** Lines of the digest shown before "…and N more" (keeps the post well under 2000 characters). */
const DIGEST_SHOWN = 12;

/** The daily digest to organizers: every new skill members added since the last one, in one post. */
export function renderSuggestionDigest(suggestions: readonly { label: string; firstUserId: string }[]): string {
  const n = suggestions.length;
  const head = n === 1 ? '🧩 A new skill members added in the last day is not in the skill list:' : `🧩 ${n} new skills members added in the last day are not in the skill list:`;
  const lines = suggestions.slice(0, DIGEST_SHOWN).map((s) => `• **${truncate(escapeMarkdown(s.label), 60)}** (first added by ${userMention(s.firstUserId)})`);
  const more = n - DIGEST_SHOWN;
  if (more > 0) lines.push(`…and ${more} more.`);
  const tail = n === 1 ? 'If it deserves a place, suggest it for the skill list.' : 'If some deserve a place, suggest them for the skill list.';
  return truncate([head, ...lines, tail].join('\n'), 2000);
}

/** The answer to /skills offer and /skills need: what was stored, how the skill was read, when a need lapses. */
export function addedText(kind: 'offer' | 'need', typed: string, result: AddResult, timeZone: string): string {
  const { entry } = result;
  const lines = [`✅ ${result.created ? 'Added' : 'Updated'} your ${kind}: **${entry.label}**${entry.level ? ` (${entry.level})` : ''}.`];
  if (result.via === 'synonym' || result.via === 'typo') lines.push(`I read “${truncate(typed, 60)}” as **${entry.label}**.`);
  if (result.via === 'new') lines.push('That is a new skill here; I kept it as you wrote it and suggested it to the organizers.');
  if (kind === 'need' && entry.byDate) lines.push(`Needed by ${dayInWords(entry.byDate)}.`);
  if (kind === 'need' && entry.expiresAt) lines.push(`It lapses on ${dayOfInstant(entry.expiresAt, timeZone)} unless you renew it; I will remind you a week before.`);
  if (result.matching > 0) lines.push(matchingMembersText(result.matching, kind));
  return lines.join('\n');
}

/** The public thank-you of /skills thanks; the note is quoted, escaped and cut to 300 characters. */
export function renderThanks(thanks: { fromUserId: string; toUserId: string; skillLabel: string; note: string | null }): string {
  const note = thanks.note ? `\n> ${truncate(escapeMarkdown(thanks.note), 300).replace(/\n/g, '\n> ')}` : '';
  return `🙏 ${userMention(thanks.fromUserId)} thanked ${userMention(thanks.toUserId)} for **${escapeMarkdown(thanks.skillLabel)}**.${note}`;
}
