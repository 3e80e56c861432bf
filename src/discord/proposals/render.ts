// Proposals, results, lists, rules and the decision register as embeds and buttons (pure: domain data and the
// reader's `say` in: the alliance's for posts everyone reads, the member's for private answers).
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { Choice, Outcome } from '../../db/schema/index.js';
import type { CurrentVote } from '../../proposals/proposals.repo.js';
import type { ProposalView } from '../../proposals/proposals.views.js';
import { CHOICE_EMOJI, choicesFor, type Tally } from '../../proposals/tally.rules.js';
import type { DecisionRule } from '../../rules/decision-rules.rules.js';
import type { RulesOverview } from '../../rules/rules.service.js';
import { sayIn, type Say } from '../../i18n/translate.js';
import { customId } from '../custom-id.js';
import { escapeMarkdown, roleMention, timestamp, truncate, unmaskLinks, userMention } from '../format.js';
import { blockNeedsReason, choiceWord, describeRule, durationText, outcomeLabel, outcomeReason, scopeName, votersName } from './words.js';

const COLOR: Record<Outcome | 'open' | 'withdrawn', number> = { open: 0x3b82f6, passed: 0x16a34a, failed: 0xdc2626, no_quorum: 0x9ca3af, withdrawn: 0x6b7280 };
const ENGLISH = sayIn('en');
export const CHOICE_CODES: Record<Choice, string> = { yes: 'y', no: 'n', abstain: 'a', block: 'b' };

export function votersText(say: Say, p: Pick<ProposalView, 'voters' | 'voterRoleId' | 'eligible'>): string {
  if (p.voters === 'role' && p.voterRoleId) return say('proposals.voters.role', { role: roleMention(p.voterRoleId), eligible: p.eligible });
  if (p.voters === 'spaces') return say('proposals.voters.spaces', { eligible: p.eligible });
  if (p.voters === 'spaces-in-good-standing') return say('proposals.voters.spacesInGoodStanding', { eligible: p.eligible });
  return say('proposals.voters.everyone', { eligible: p.eligible });
}

export function quorumText(say: Say, p: Pick<ProposalView, 'quorum' | 'eligible' | 'voted'>, tally: Tally | null): string {
  if (p.quorum === null) return say('proposals.quorum.none');
  const needed = tally?.quorumNeeded ?? Math.ceil((p.quorum * p.eligible) / 100);
  return say('proposals.quorum.status', { quorum: p.quorum, needed, eligible: p.eligible, voted: p.voted, missing: Math.max(0, needed - p.voted) });
}

export function countsText(say: Say, rule: ProposalView['rule'], tally: Tally): string {
  return choicesFor(rule).map((c) => `${CHOICE_EMOJI[c]} ${say(`proposals.counts.${c}`, { count: tally.counts[c] })}`).join(' · ');
}

function tallyField(say: Say, p: ProposalView): { name: string; value: string } {
  if (!p.tally) return { name: say('proposals.field.votes'), value: say('proposals.tally.hidden', { count: p.voted }) };
  const label = p.status === 'open' ? say('proposals.field.liveTally') : say('proposals.field.finalTally');
  return { name: label, value: `${countsText(say, p.rule, p.tally)}\n${say('proposals.tally.turnout', { voted: p.voted, eligible: p.eligible })}` };
}

function statusLine(say: Say, p: ProposalView): string {
  if (p.status === 'withdrawn') return p.closedAt ? say('proposals.status.withdrawnAt', { when: timestamp(p.closedAt, 'F') }) : say('proposals.status.withdrawn');
  if (p.status === 'closed' && p.outcome) {
    const closed = say('proposals.status.closed', { outcome: outcomeLabel(say, p.outcome), when: timestamp(p.closedAt ?? p.closesAt, 'F') });
    return p.tally ? `${closed}\n${outcomeReason(say, p, p.tally)}` : closed;
  }
  return say('proposals.status.open', { when: timestamp(p.closesAt, 'F'), relative: timestamp(p.closesAt, 'R') });
}

/** Secret ballots and hide-results proposals vote with buttons: reactions would show every choice as it is made. */
export const votesByButtons = (p: Pick<ProposalView, 'anonymous' | 'hideResults'>) => p.anonymous || p.hideResults;

function howToVote(say: Say, p: ProposalView, where: 'message' | 'detail'): string {
  if (p.anonymous) return say('proposals.howToVote.secret', { where });
  if (p.hideResults) return say('proposals.howToVote.hidden', { where });
  return say('proposals.howToVote.reactions', { choices: choicesFor(p.rule).map((c) => `${CHOICE_EMOJI[c]} ${choiceWord(say, c)}`).join(' · ') });
}

/**
 * The proposal message in the proposals channel, live while open and final once closed, in the alliance's
 * language. `detail` is the same proposal in a `/proposal show` answer (the member's language), without buttons.
 */
export function renderProposal(say: Say, p: ProposalView, where: 'message' | 'detail' = 'message'): EmbedBuilder {
  const type = scopeName(say, p.type);
  const byline = p.authorId ? say('proposals.byline.author', { author: userMention(p.authorId), type }) : say('proposals.byline.type', { type });
  const optional: [string, string | null][] = [
    [say('proposals.field.need'), p.need],
    [say('proposals.field.audience'), p.audience],
    [say('proposals.field.measure'), p.measure],
  ];
  const fields = [
    ...optional.flatMap(([name, value]) => (value ? [{ name, value: truncate(unmaskLinks(value), 1024) }] : [])),
    { name: say('proposals.field.rule'), value: describeRule(say, p), inline: true },
    { name: say('proposals.field.quorum'), value: quorumText(say, p, p.tally), inline: true },
    { name: say('proposals.field.voters'), value: votersText(say, p), inline: true },
    { name: p.status === 'open' ? say('proposals.field.deadline') : say('proposals.field.status'), value: statusLine(say, p) },
    tallyField(say, p),
    ...(p.ruleChange ? [{ name: say('proposals.field.ifItPasses'), value: ruleChangeText(say, p.ruleChange) }] : []),
  ];
  // From data: the setters run discord.js's validators, which build and throw away an error per call.
  return new EmbedBuilder({
    title: truncate(`#${p.number} · ${p.title}`, 256),
    color: COLOR[p.status === 'open' ? 'open' : p.status === 'withdrawn' ? 'withdrawn' : (p.outcome ?? 'failed')],
    description: truncate(`${unmaskLinks(p.summary)}\n\n${byline}`, 4096),
    fields,
    ...(p.status === 'open' ? { footer: { text: howToVote(say, p, where) } } : {}),
  });
}

function ruleChangeText(say: Say, change: NonNullable<ProposalView['ruleChange']>): string {
  if (change.kind === 'unlock') return say('rules.change.unlock');
  const rule = describeRule(say, { rule: change.rule as ProposalView['rule'], thresholdNum: change.thresholdNum, thresholdDen: change.thresholdDen });
  return say('rules.change.becomes', {
    scope: scopeName(say, change.scope),
    rule,
    quorum: change.quorum === null ? 'none' : String(change.quorum),
    period: durationText(say, change.periodMinutes),
    voters: votersName(say, change.voters),
  });
}

/** Ballot buttons of secret and hide-results proposals (only while open): the choices, withdraw, and a reason. */
export function renderBallotButtons(say: Say, p: ProposalView): ActionRowBuilder<ButtonBuilder>[] {
  if (!votesByButtons(p) || p.status !== 'open') return [];
  const row = new ActionRowBuilder<ButtonBuilder>();
  for (const choice of choicesFor(p.rule)) {
    row.addComponents(
      new ButtonBuilder()
        .setCustomId(customId('proposal', 'ballot', p.id, CHOICE_CODES[choice]))
        .setLabel(say(`proposals.button.${choice}`))
        .setEmoji(CHOICE_EMOJI[choice])
        .setStyle(choice === 'yes' ? ButtonStyle.Success : choice === 'block' ? ButtonStyle.Danger : ButtonStyle.Secondary),
    );
  }
  row.addComponents(new ButtonBuilder().setCustomId(customId('proposal', 'ballot', p.id, 'w')).setLabel(say('proposals.button.withdraw')).setStyle(ButtonStyle.Secondary));
  const reason = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(customId('proposal', 'ballot', p.id, 'r')).setLabel(say('proposals.button.withReason')).setEmoji('✍️').setStyle(ButtonStyle.Primary),
  );
  return [row, reason];
}

/** Asks a member whose 🛑 came without a reason for one (pinging only them, on purpose), with the button to the form. */
export function renderBlockPrompt(say: Say, p: Pick<ProposalView, 'id' | 'number'>, userId: string) {
  const button = new ButtonBuilder().setCustomId(customId('proposal', 'why', p.id, userId)).setLabel(say('proposals.button.giveReason')).setEmoji('🛑').setStyle(ButtonStyle.Danger);
  return { content: blockNeedsReason(say, userId, p.number), components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)], allowedMentions: { users: [userId] } };
}

/**
 * The result posted in the thread and the announcements channel. `voters` are the named votes a hide-results
 * proposal kept hidden while open: the close reveals them.
 */
export function renderResult(say: Say, p: ProposalView, voters: { votes: CurrentVote[]; labels: Record<string, string> } | null = null): EmbedBuilder {
  const embed = new EmbedBuilder().setColor(COLOR[p.status === 'withdrawn' ? 'withdrawn' : (p.outcome ?? 'failed')]);
  if (p.status === 'withdrawn') {
    return embed
      .setTitle(truncate(say('proposals.result.withdrawnTitle', { number: p.number, title: p.title }), 256))
      .setDescription(p.closedBy ? say('proposals.result.withdrawnBy', { who: userMention(p.closedBy) }) : say('proposals.status.withdrawn'));
  }
  const tally = p.tally!;
  const turnout = say('proposals.result.turnout', {
    voted: tally.voted,
    eligible: tally.eligible,
    quorum: p.quorum === null ? 'none' : String(p.quorum),
    needed: tally.quorumNeeded,
    met: tally.quorumMet ? 'yes' : 'no',
  });
  embed
    .setTitle(truncate(say('proposals.result.title', { number: p.number, outcome: p.outcome!, title: p.title }), 256))
    .setDescription(`${outcomeReason(say, p, tally)}\n${countsText(say, p.rule, tally)}\n${turnout}\n${say('proposals.result.rule', { rule: describeRule(say, p) })}`)
    .setFooter({ text: p.closedBy ? say('proposals.result.closedEarly') : say('proposals.result.closedAtDeadline') });
  if (voters && voters.votes.length > 0) {
    const lines = voteLines(say, voters.votes, voters.labels);
    embed.addFields({ name: say('proposals.field.votes'), value: joinWithin(say, lines, FIELD_MAX, Math.max(tally.voted, lines.length)) });
  }
  return embed;
}

const FIELD_MAX = 1024;
/**
 * The most lines one field of `/proposal show` can hold: every line takes at least 4 characters (a choice, a space,
 * one character of a name or reason, the line break), so a field never shows more than this many votes or reasons
 * and the use case need not read more.
 */
export const DETAIL_LINES_MAX = Math.ceil(FIELD_MAX / 4) + 1;

type DetailBallots = { voters: CurrentVote[] | null; reasons: string[]; reasonCount?: number };

/** Mentions take 20+ characters: this many lines of names usually fill the field, so a show reads these first. */
export const DETAIL_LINES_FIRST = 64;

function voteLines(say: Say, voters: CurrentVote[], labels: Record<string, string>): string[] {
  return voters.map((v) => {
    const name = labels[v.voterKey] ?? userMention(v.voterKey);
    const who = v.voterKey.startsWith('space:') && v.userId ? say('proposals.voteLine.bySpace', { space: name, user: userMention(v.userId) }) : name;
    return `${CHOICE_EMOJI[v.choice]} ${who}${v.reason ? `: ${truncate(v.reason, 120)}` : ''}`;
  });
}

const reasonLines = (reasons: string[]) => reasons.map((r) => `• ${truncate(r, 200)}`);

/** Whether ballots read with `limit` hold every vote or reason, or more than the field shows (no need to read more). */
export function detailFilled(ballots: DetailBallots, labels: Record<string, string>, limit: number): boolean {
  // Line lengths barely depend on the language (names and reasons are the members' own): English measures them.
  const lines = ballots.voters && ballots.voters.length > 0 ? voteLines(ENGLISH, ballots.voters, labels) : reasonLines(ballots.reasons);
  return lines.length < limit || lines.join('\n').length > FIELD_MAX;
}

/**
 * `/proposal show`: the proposal plus who voted what (never for secret ballots) and the reasons. `ballots` may hold
 * only the first votes or reasons: the rest are counted from the view's `voted` and `reasonCount`.
 */
export function renderProposalDetail(say: Say, p: ProposalView, ballots: DetailBallots, labels: Record<string, string>): EmbedBuilder {
  const embed = renderProposal(say, p, 'detail');
  if (ballots.voters && ballots.voters.length > 0) {
    const lines = voteLines(say, ballots.voters, labels);
    embed.addFields({ name: say('proposals.field.votes'), value: joinWithin(say, lines, FIELD_MAX, Math.max(p.voted, lines.length)) });
  } else if (ballots.reasons.length > 0) {
    const lines = reasonLines(ballots.reasons);
    const name = p.anonymous ? say('proposals.field.reasonsSecret') : say('proposals.field.reasons');
    embed.addFields({ name, value: joinWithin(say, lines, FIELD_MAX, Math.max(ballots.reasonCount ?? 0, lines.length)) });
  }
  return embed;
}

/**
 * Joins lines up to a limit, ending with "… and N more" instead of cutting a line in half. `total` counts lines
 * beyond those given (the caller read only the first ones).
 */
export function joinWithin(say: Say, lines: string[], max: number, total = lines.length): string {
  const reserve = 24;
  let out = '';
  const more = (n: number) => (out ? `${out}\n${say('proposals.more', { count: n })}` : say('proposals.more', { count: n }));
  for (let i = 0; i < lines.length; i++) {
    const next = out ? `${out}\n${lines[i]}` : lines[i]!;
    const last = i === total - 1;
    if (next.length > (last ? max : max - reserve)) return more(total - i);
    out = next;
  }
  if (total > lines.length) return more(total - lines.length);
  return out || '—';
}

export function renderProposalList(say: Say, title: string, items: ProposalView[], total: number, page: number, pageSize: number): EmbedBuilder {
  const lines = items.map((p) => {
    const head = `**#${p.number}** ${truncate(escapeMarkdown(p.title), 80)}`;
    if (p.status === 'open') return say('proposals.list.openLine', { head, closes: timestamp(p.closesAt, 'R'), voted: p.voted, eligible: p.eligible });
    const status = p.status === 'withdrawn' ? say('proposals.status.withdrawnWord') : outcomeLabel(say, p.outcome!);
    const line = `${head} · ${status} · ${timestamp(p.closedAt ?? p.closesAt, 'd')}`;
    return p.tally ? `${line} · ${countsText(say, p.rule, p.tally)}` : line;
  });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return new EmbedBuilder()
    .setTitle(title)
    .setColor(COLOR.open)
    .setDescription(lines.length ? lines.join('\n') : say('proposals.list.empty'))
    .setFooter({ text: say('proposals.list.footer', { page: page + 1, pages, total }) });
}

function ruleLine(say: Say, r: DecisionRule & { inherited?: boolean }): string {
  const voters =
    r.voters === 'role' && r.voterRoleId
      ? say('rules.line.votersRole', { role: roleMention(r.voterRoleId) })
      : r.voters === 'spaces'
        ? say('rules.line.votersSpaces')
        : r.voters === 'spaces-in-good-standing'
          ? say('rules.line.votersGoodStanding')
          : say('rules.line.votersEveryone');
  return say('rules.line', {
    rule: describeRule(say, r),
    quorum: r.quorum === null ? 'none' : String(r.quorum),
    period: durationText(say, r.periodMinutes),
    voters,
    override: r.allowOverride ? 'yes' : 'no',
  });
}

export function renderRules(say: Say, overview: RulesOverview): EmbedBuilder {
  const [fallback, ...types] = overview.rules;
  const how = overview.locked ? say('rules.show.locked') : say('rules.show.unlocked');
  const embed = new EmbedBuilder()
    .setTitle(say('rules.show.title'))
    .setColor(COLOR.open)
    .setDescription(fallback?.builtIn ? `${how}\n${say('rules.show.builtIn')}` : how);
  if (fallback) embed.addFields({ name: say('rules.show.default'), value: ruleLine(say, fallback) });
  for (const r of types) embed.addFields({ name: scopeName(say, r.scope), value: r.inherited ? say('rules.show.usesDefault') : ruleLine(say, r) });
  return embed;
}
