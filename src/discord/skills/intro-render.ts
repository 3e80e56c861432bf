// Skill-share messages that reach one member outside a command: introduction requests and introductions, the
// "did it help?" follow-up, need reminders, match notices (each in the receiving member's language), and new-skill
// suggestions to organizers (in the alliance's language). Pure.
import { ButtonBuilder, ButtonStyle } from 'discord.js';
import type { IntroLink } from '../../db/schema/index.js';
import { sayIn } from '../../i18n/translate.js';
import type { Intro } from '../../skills/intros.service.js';
import type { MatchEntry } from '../../skills/match.rules.js';
import { translateSkillLabel } from '../../skills/taxonomy.rules.js';
import { dayOfInstant } from '../../shared/day-words.js';
import type { Language } from '../../shared/languages.js';
import { customId } from '../custom-id.js';
import { escapeMarkdown, timestamp, truncate, userMention } from '../format.js';
import { entryLabel, rows, type RenderedMessage } from './render.js';

/** The skills a link names from the side of `side` (the need that was met, or the offer that met it), as one list. */
function linkList(links: readonly IntroLink[], side: 'need' | 'offer', language: Language): string {
  const say = sayIn(language);
  const bold = (label: string) => `**${translateSkillLabel(label, language)}**`;
  const items = links.map((link) => {
    if (typeof link === 'string') return bold(link);
    const other = side === 'need' ? link.offer : link.need;
    return link.close ? say('skills.intro.closeTo', { skill: bold(link[side]), other: bold(other) }) : bold(link[side]);
  });
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

/** What the asked member sees: who asks, which skills link them, Accept / Decline. */
export function renderIntroRequest(intro: Intro, guildName: string | null, language: Language): RenderedMessage {
  const say = sayIn(language);
  const from = userMention(intro.requesterId);
  const lines = [guildName ? say('skills.intro.request', { from, alliance: escapeMarkdown(guildName) }) : say('skills.intro.requestNoAlliance', { from })];
  if (intro.targetOffers.length) lines.push(say('skills.intro.theyNeed', { skills: linkList(intro.targetOffers, 'need', language) }));
  if (intro.requesterOffers.length) lines.push(say('skills.intro.theyOffer', { skills: linkList(intro.requesterOffers, 'offer', language) }));
  lines.push(say('skills.intro.consent'));
  const buttons = [
    new ButtonBuilder().setCustomId(customId('skills', 'accept', intro.guildId, intro.id)).setStyle(ButtonStyle.Success).setLabel(truncate(say('skills.intro.accept'), 80)),
    new ButtonBuilder().setCustomId(customId('skills', 'decline', intro.guildId, intro.id)).setStyle(ButtonStyle.Secondary).setLabel(truncate(say('skills.intro.decline'), 80)),
  ];
  return { content: lines.join('\n'), embeds: [], components: rows(buttons) };
}

/** The introduction itself, addressed to one of the two (or both, in a shared thread). */
export function renderIntroduction(intro: Intro, forUserId: string | null, language: Language): string {
  const say = sayIn(language);
  const requester = userMention(intro.requesterId);
  const target = userMention(intro.targetId);
  const lines: string[] = [];
  if (forUserId === intro.requesterId) lines.push(say('skills.introduction.toRequester', { target }));
  else if (forUserId === intro.targetId) lines.push(say('skills.introduction.toTarget', { requester }));
  else lines.push(say('skills.introduction.toBoth', { requester, target }));
  if (intro.targetOffers.length) lines.push(`• ${say('skills.introduction.offers', { who: target, skills: linkList(intro.targetOffers, 'offer', language), other: requester })}`);
  if (intro.requesterOffers.length) lines.push(`• ${say('skills.introduction.offers', { who: requester, skills: linkList(intro.requesterOffers, 'offer', language), other: target })}`);
  lines.push(say('skills.introduction.next'));
  return lines.join('\n');
}

export function renderDeclined(intro: Intro, language: Language): string {
  return sayIn(language)('skills.intro.declinedNotice', { target: userMention(intro.targetId) });
}

export function renderFollowup(intro: Intro, forUserId: string, language: Language): RenderedMessage {
  const say = sayIn(language);
  const other = forUserId === intro.requesterId ? intro.targetId : intro.requesterId;
  const buttons = [
    new ButtonBuilder().setCustomId(customId('skills', 'helped', intro.guildId, intro.id, 1)).setStyle(ButtonStyle.Success).setLabel(truncate(say('skills.followup.yes'), 80)),
    new ButtonBuilder().setCustomId(customId('skills', 'helped', intro.guildId, intro.id, 0)).setStyle(ButtonStyle.Secondary).setLabel(truncate(say('skills.followup.no'), 80)),
  ];
  return { content: say('skills.followup.question', { other: userMention(other) }), embeds: [], components: rows(buttons) };
}

export function renderReminder(entry: MatchEntry, guildId: string, timeZone: string, language: Language): RenderedMessage {
  const say = sayIn(language);
  const buttons = [
    new ButtonBuilder().setCustomId(customId('skills', 'renew', guildId, entry.id)).setStyle(ButtonStyle.Primary).setLabel(truncate(say('skills.reminder.keep'), 80)),
    new ButtonBuilder().setCustomId(customId('skills', 'noremind', guildId)).setStyle(ButtonStyle.Secondary).setLabel(truncate(say('skills.reminder.stop'), 80)),
  ];
  const expiresAt = entry.expiresAt ?? 0;
  return {
    content: say('skills.reminder.text', { skill: entryLabel(entry, language), when: timestamp(expiresAt, 'R'), day: dayOfInstant(expiresAt, timeZone, language) }),
    embeds: [],
    components: rows(buttons),
  };
}

export function renderMatchNotice(notice: { yours: MatchEntry; theirs: MatchEntry }, language: Language): string {
  const values = { who: userMention(notice.theirs.userId), skill: entryLabel(notice.theirs, language) };
  return sayIn(language)(notice.theirs.kind === 'offer' ? 'skills.notice.nowOffers' : 'skills.notice.nowNeeds', values);
}

export function renderSuggestion(suggestion: { label: string; firstUserId: string }, language: Language): string {
  return sayIn(language)('skills.suggestion.one', { skill: escapeMarkdown(suggestion.label), who: userMention(suggestion.firstUserId) });
}

/** Lines of the digest shown before "…and N more" (keeps the post well under 2000 characters). */
const DIGEST_SHOWN = 12;

/** The daily digest to organizers: every new skill members added since the last one, in one post. */
export function renderSuggestionDigest(suggestions: readonly { label: string; firstUserId: string }[], language: Language): string {
  const say = sayIn(language);
  const count = suggestions.length;
  const lines = suggestions.slice(0, DIGEST_SHOWN).map((s) => `• ${say('skills.digest.line', { skill: truncate(escapeMarkdown(s.label), 60), who: userMention(s.firstUserId) })}`);
  const more = count - DIGEST_SHOWN;
  if (more > 0) lines.push(say('skills.digest.more', { count: more }));
  return truncate([say('skills.digest.head', { count }), ...lines, say('skills.digest.tail', { count })].join('\n'), 2000);
}
