// Skill-share as Discord messages: entry lists with remove buttons, ranked matches with intro buttons (or a
// select past five), who-offers lists, privacy, thanks and top helpers. Pure; every sentence from the catalogues,
// skill names in the reader's language.
import {
  ActionRowBuilder, ButtonBuilder, ButtonStyle, ComponentType, EmbedBuilder,
  type APIActionRowComponent, type APIButtonComponent, type APIComponentInMessageActionRow, type APIEmbed, type APIStringSelectComponent, type MessageActionRowComponentBuilder,
} from 'discord.js';
import { sayIn } from '../../i18n/translate.js';
import type { TopHelper } from '../../skills/intros.service.js';
import type { Locality, MatchEntry, MatchPair } from '../../skills/match.rules.js';
import type { AddResult, MatchView, Privacy, WhoOffers } from '../../skills/skills.service.js';
import { normalizeSkillText, skillLabel, termDisplay, translateSkillLabel } from '../../skills/taxonomy.rules.js';
import { dayInWords, dayOfInstant } from '../../shared/day-words.js';
import type { Language } from '../../shared/languages.js';
import { customId } from '../custom-id.js';
import { escapeMarkdown, timestamp, truncate, userMention } from '../format.js';

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

export function rows(components: MessageActionRowComponentBuilder[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < components.length && out.length < 5; i += 5) out.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(components.slice(i, i + 5)));
  return out;
}

/** An entry's skill in the reader's language (a member's own skill stays as written). */
export const entryLabel = (entry: Pick<MatchEntry, 'skillKey'>, language: Language): string => skillLabel(entry.skillKey, language);

function entryLine(entry: MatchEntry, index: number, language: Language): string {
  const say = sayIn(language);
  const parts = [`${index}. **${entryLabel(entry, language)}**`];
  if (entry.level) parts.push(say(`skills.level.${entry.level}`));
  if (entry.byDate) parts.push(say('skills.mine.neededBy', { day: dayInWords(entry.byDate, language) }));
  if (entry.expiresAt) parts.push(say('skills.mine.lapses', { when: timestamp(entry.expiresAt, 'R') }));
  const note = entry.note ? `\n   ${truncate(escapeMarkdown(entry.note), 120)}` : '';
  return `${parts.join(' · ')}${note}`;
}

/** /skills mine: offers then needs, numbered, one remove button per entry (at most 20 fit in four rows). */
export function renderEntries(entries: readonly MatchEntry[], language: Language): RenderedMessage {
  const say = sayIn(language);
  if (entries.length === 0) return { content: say('skills.mine.empty'), embeds: [], components: [] };
  const offers = entries.filter((entry) => entry.kind === 'offer');
  const needs = entries.filter((entry) => entry.kind === 'need');
  const numbered = [...offers, ...needs];
  const list = (some: MatchEntry[]) => truncate(some.map((e) => entryLine(e, numbered.indexOf(e) + 1, language)).join('\n'), 1024);
  const embed = new EmbedBuilder().setTitle(say('skills.mine.title')).setColor(COLOR);
  if (offers.length) embed.addFields({ name: say('skills.mine.offers'), value: list(offers) });
  if (needs.length) embed.addFields({ name: say('skills.mine.needs'), value: list(needs) });
  embed.setFooter({ text: say('skills.mine.footer', { count: entries.length, max: 20 }) });
  const buttons = numbered.map((entry, i) =>
    new ButtonBuilder().setCustomId(customId('skills', 'rm', entry.id)).setStyle(ButtonStyle.Secondary).setLabel(truncate(say('skills.mine.removeButton', { n: i + 1, skill: entryLabel(entry, language) }), 80)),
  );
  return { embeds: [embed], components: rows(buttons) };
}

/** The answer to /skills remove (and the remove buttons' entry). */
export function removedText(removed: { kind: 'offer' | 'need'; skillKey: string }, language: Language): string {
  return sayIn(language)('skills.removed', { kind: removed.kind, skill: entryLabel(removed, language) });
}

/** /skills remove autocomplete: "Offer: Bookkeeping", in the reader's language. */
export function mineChoice(entry: { id: number; kind: 'offer' | 'need'; skillKey: string }, language: Language): { name: string; value: string } {
  return { name: truncate(sayIn(language)('skills.remove.choice', { kind: entry.kind, skill: entryLabel(entry, language) }), 100), value: String(entry.id) };
}

/** Skill autocomplete: the skill in the reader's language, with the words that found it when they differ. */
export function skillChoice(suggestion: { key: string; matched: string | null }, language: Language): { name: string; value: string } {
  const label = skillLabel(suggestion.key, language);
  const matched = suggestion.matched ? termDisplay(suggestion.matched) : null;
  const name = matched && normalizeSkillText(matched) !== normalizeSkillText(label) ? `${label} (${matched})` : label;
  return { name: truncate(name, 100), value: suggestion.key };
}

export function newSkillChoice(typed: string, language: Language): { name: string; value: string } {
  return { name: truncate(sayIn(language)('skills.autocomplete.newSkill', { skill: typed }), 100), value: truncate(typed, 100) };
}

/** Whole lines while they fit (a cut line could leave markdown open); the first line is cut if it must be. */
function fitLines(lines: readonly string[], max: number): string {
  let out = truncate(lines[0] ?? '', max);
  // Characters as Discord counts them (code points), kept as the text grows rather than counted again per line.
  let length = codePoints(out);
  for (const line of lines.slice(1)) {
    const more = 1 + codePoints(line);
    if (length + more > max) break;
    out += `\n${line}`;
    length += more;
  }
  return out;
}

function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function placeText(place: Locality | null, tier: MatchView['locality'], language: Language): string {
  const where = place ? `${escapeMarkdown(place.spaceName)}, ${escapeMarkdown(place.city)}` : '';
  const words = tier === 'unknown' ? '' : `(${sayIn(language)(`skills.match.locality.${tier}`)})`;
  return [where, words].filter(Boolean).join(' ');
}

/** One reason line in the reader's words, e.g. "they offer **Grant writing** (expert), which you need". */
export function describePair(pair: MatchPair, language: Language): string {
  const say = sayIn(language);
  const { mine, theirs } = pair;
  const values = { skill: entryLabel(theirs, language), mine: entryLabel(mine, language), level: theirs.level ?? 'none' };
  const close = pair.closeness === 'category';
  const line = theirs.kind === 'offer' ? say(close ? 'skills.match.reason.theyOfferClose' : 'skills.match.reason.theyOffer', values) : say(close ? 'skills.match.reason.theyNeedClose' : 'skills.match.reason.theyNeed', values);
  if (pair.closeness !== 'synonym') return line;
  return say('skills.match.reason.wrote', { reason: line, mine: termDisplay(mine.term), theirs: termDisplay(theirs.term) });
}

/** A person's reasons, best pair first. */
export function matchReasons(match: Pick<MatchView, 'theyOffer' | 'theyNeed'>, language: Language): string[] {
  return [...match.theyOffer, ...match.theyNeed].sort((a, b) => b.score - a.score).map((pair) => describePair(pair, language));
}

/** A message as Discord's API takes it: /skills match's answer is plain data (see renderMatches). */
export interface MatchMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/**
 * /skills match: the best people with why; Request intro buttons for up to five, a select menu beyond. `count`: how
 * many people were ranked, when `matches` holds only the first MATCHES_SHOWN of them (the service's matchesShown).
 */
export function renderMatches(matches: readonly MatchView[], hasEntries: boolean, language: Language, count = matches.length): MatchMessage {
  const say = sayIn(language);
  if (matches.length === 0) return { content: say(hasEntries ? 'skills.match.noneYet' : 'skills.match.addFirst'), embeds: [], components: [] };
  const shown = matches.slice(0, MATCHES_SHOWN);
  const reasonsOf = shown.map((match) => matchReasons(match, language));
  const fields = shown.map((match, i) => {
    const where = placeText(match.place, match.locality, language);
    const header = [userMention(match.userId), where, match.introsOpen ? '' : say('skills.match.introsClosed')].filter(Boolean).join(' · ');
    const reasons = reasonsOf[i]!.slice(0, 4).map((reason) => `• ${reason}`);
    return { name: say('skills.match.heading', { n: i + 1, mutual: String(match.mutual) }), value: fitLines([header, ...reasons], FIELD_BUDGET) };
  });
  // Plain API data, not builders: discord.js's setters run validators that build and throw away an error on each
  // call (setTitle, setColor, setDescription), and its builders' constructors copy the data through toSnakeCase
  // (together about half of this answer's rendering). FIELD_BUDGET and truncate keep Discord's limits.
  const embed: APIEmbed = { title: say('skills.match.title'), color: COLOR, description: say('skills.match.order'), fields };
  if (count > shown.length) embed.footer = { text: say('skills.match.showing', { shown: shown.length, count }) };
  const open = shown.map((match, i) => ({ match, n: i + 1, reason: reasonsOf[i]![0] })).filter(({ match }) => match.introsOpen);
  let components: MatchMessage['components'] = [];
  if (open.length > 0 && open.length <= BUTTONS_UNTIL) {
    const buttons = open.map(({ n, match }): APIButtonComponent => ({ type: ComponentType.Button, custom_id: customId('skills', 'intro', match.userId), style: ButtonStyle.Primary, label: truncate(say('skills.match.requestButton', { n }), 80) }));
    components = [{ type: ComponentType.ActionRow, components: buttons }];
  } else if (open.length > BUTTONS_UNTIL) {
    const menu: APIStringSelectComponent = {
      type: ComponentType.StringSelect,
      custom_id: customId('skills', 'intro-pick'),
      placeholder: truncate(say('skills.match.requestPlaceholder'), 100),
      options: open.map(({ n, match, reason }) => ({
        label: truncate(say('skills.match.option', { n, mutual: String(match.mutual) }), 100),
        description: truncate(reason?.replace(/\*\*/g, '') ?? say('skills.match.matchingSkills'), 100),
        value: match.userId,
      })),
    };
    components = [{ type: ComponentType.ActionRow, components: [menu] }];
  }
  return { embeds: [embed], components };
}

/** /skills who: who offers a skill, nearest and most experienced first. */
export function renderWho(result: { skill: { key: string }; offers: readonly WhoOffers[] }, language: Language): RenderedMessage {
  const say = sayIn(language);
  const skill = skillLabel(result.skill.key, language);
  if (result.offers.length === 0) return { content: say('skills.who.nobody', { skill }), embeds: [], components: [] };
  const lines = result.offers.slice(0, 25).map((offer) => {
    const level = offer.entry.level ? ` · ${say(`skills.level.${offer.entry.level}`)}` : '';
    const where = offer.place ? ` · ${escapeMarkdown(offer.place.spaceName)}, ${escapeMarkdown(offer.place.city)}` : '';
    const note = offer.entry.note ? ` — ${truncate(escapeMarkdown(offer.entry.note), 80)}` : '';
    return `${userMention(offer.userId)}${level}${where}${note}`;
  });
  const embed = new EmbedBuilder().setTitle(truncate(say('skills.who.title', { skill }), 256)).setColor(COLOR).setDescription(truncate(lines.join('\n'), 4000));
  if (result.offers.length > 25) embed.setFooter({ text: say('skills.who.showing', { shown: 25, count: result.offers.length }) });
  return { embeds: [embed], components: [] };
}

export function renderPrivacy(privacy: Privacy, language: Language): string {
  const say = sayIn(language);
  return [say('skills.privacy.title'), say('skills.privacy.matching', { value: privacy.matching }), say('skills.privacy.intros', { value: privacy.intros }), say('skills.privacy.reminders', { value: privacy.reminders })].join('\n');
}

/** /skills top, posted for everyone: in the alliance's language. */
export function renderTop(top: { from: number; helpers: readonly TopHelper[] }, language: Language): RenderedMessage {
  const say = sayIn(language);
  if (top.helpers.length === 0) return { content: say('skills.top.none'), embeds: [], components: [] };
  const lines = top.helpers.map((helper, i) => {
    const counts = helper.thanks && helper.helpful ? 'skills.top.both' : helper.thanks ? 'skills.top.thanks' : 'skills.top.helpful';
    return `${i + 1}. ${userMention(helper.userId)} · ${say(counts, { thanks: helper.thanks, helpful: helper.helpful })}`;
  });
  return { embeds: [new EmbedBuilder().setTitle(say('skills.top.title')).setColor(COLOR).setDescription(lines.join('\n')).setFooter({ text: say('skills.top.footer') })], components: [] };
}

/** The answer to /skills offer and /skills need: what was stored, how the skill was read, when a need lapses. */
export function addedText(kind: 'offer' | 'need', typed: string, result: AddResult, timeZone: string, language: Language): string {
  const say = sayIn(language);
  const { entry } = result;
  const skill = entryLabel(entry, language);
  const lines = [say('skills.added.stored', { created: String(result.created), kind, skill, level: entry.level ?? 'none' })];
  // Said when the words differ from the name the member reads: a synonym, a typo, another language ("graphisme"
  // read as "Diseño gráfico"); not for a pick from autocomplete (its value is the skill's id) or the name itself.
  const reread = typed !== entry.skillKey && normalizeSkillText(typed) !== normalizeSkillText(skill);
  if (result.via !== 'new' && reread) lines.push(say('skills.added.readAs', { typed: truncate(typed, 60), skill }));
  if (result.via === 'new') lines.push(say('skills.added.newSkill'));
  if (kind === 'need' && entry.byDate) lines.push(say('skills.added.neededBy', { day: dayInWords(entry.byDate, language) }));
  if (kind === 'need' && entry.expiresAt) lines.push(say('skills.added.lapses', { day: dayOfInstant(entry.expiresAt, timeZone, language) }));
  if (result.matching > 0) lines.push(say(kind === 'offer' ? 'skills.added.membersNeed' : 'skills.added.membersOffer', { count: result.matching }));
  return lines.join('\n');
}

/** The public thank-you of /skills thanks, in the alliance's language; the note is quoted, escaped and cut to 300 characters. */
export function renderThanks(thanks: { fromUserId: string; toUserId: string; skillLabel: string; note: string | null }, language: Language): string {
  const note = thanks.note ? `\n> ${truncate(escapeMarkdown(thanks.note), 300).replace(/\n/g, '\n> ')}` : '';
  const skill = escapeMarkdown(translateSkillLabel(thanks.skillLabel, language));
  return `${sayIn(language)('skills.thanks.posted', { from: userMention(thanks.fromUserId), to: userMention(thanks.toUserId), skill })}${note}`;
}
