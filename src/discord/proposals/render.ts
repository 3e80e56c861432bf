// Proposals, results, lists, rules and the decision register as embeds and buttons (pure: domain data in).
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { Choice, Outcome } from '../../db/schema/index.js';
import type { CurrentVote } from '../../proposals/proposals.repo.js';
import type { ProposalView } from '../../proposals/proposals.views.js';
import { CHOICE_EMOJI, choicesFor, describeRule, OUTCOME_LABEL, type Tally } from '../../proposals/tally.rules.js';
import { formatDuration, type DecisionRule } from '../../rules/decision-rules.rules.js';
import type { RulesOverview } from '../../rules/rules.service.js';
import { customId } from '../custom-id.js';
import { escapeMarkdown, roleMention, timestamp, truncate, unmaskLinks, userMention } from '../format.js';
import { blockNeedsReason, outcomeReason, votesCast } from './words.js';

const COLOR: Record<Outcome | 'open' | 'withdrawn', number> = { open: 0x3b82f6, passed: 0x16a34a, failed: 0xdc2626, no_quorum: 0x9ca3af, withdrawn: 0x6b7280 };
const CHOICE_LABEL: Record<Choice, string> = { yes: 'Yes', no: 'No', abstain: 'Abstain', block: 'Block' };
export const CHOICE_CODES: Record<Choice, string> = { yes: 'y', no: 'n', abstain: 'a', block: 'b' };

export function votersText(p: Pick<ProposalView, 'voters' | 'voterRoleId' | 'eligible'>): string {
  if (p.voters === 'role' && p.voterRoleId) return `Members with ${roleMention(p.voterRoleId)} (${p.eligible})`;
  if (p.voters === 'spaces') return `One vote per member space (${p.eligible} spaces)`;
  if (p.voters === 'spaces-in-good-standing') return `One vote per member space in good standing (${p.eligible} spaces)`;
  return `Every member (${p.eligible})`;
}

export function quorumText(p: Pick<ProposalView, 'quorum' | 'eligible' | 'voted'>, tally: Tally | null): string {
  if (p.quorum === null) return 'No quorum';
  const needed = tally?.quorumNeeded ?? Math.ceil((p.quorum * p.eligible) / 100);
  const missing = needed - p.voted;
  const status = missing <= 0 ? 'reached' : `${missing} more ${missing === 1 ? 'vote' : 'votes'} needed`;
  return `${p.quorum}% of eligible voters (${needed} of ${p.eligible}): ${p.voted} voted, ${status}`;
}

export function countsText(rule: ProposalView['rule'], tally: Tally): string {
  return choicesFor(rule).map((c) => `${CHOICE_EMOJI[c]} ${tally.counts[c]} ${c}`).join(' · ');
}

function tallyField(p: ProposalView): { name: string; value: string } {
  if (!p.tally) return { name: 'Votes', value: `${votesCast(p.voted)}. The tally is revealed at the close.` };
  const label = p.status === 'open' ? 'Live tally' : 'Final tally';
  return { name: label, value: `${countsText(p.rule, p.tally)}\n${p.voted} of ${p.eligible} eligible voted` };
}

function statusLine(p: ProposalView): string {
  if (p.status === 'withdrawn') return `Withdrawn ${p.closedAt ? timestamp(p.closedAt, 'F') : ''}`.trim();
  if (p.status === 'closed' && p.outcome) {
    return `**${OUTCOME_LABEL[p.outcome]}** · closed ${timestamp(p.closedAt ?? p.closesAt, 'F')}${p.tally ? `\n${outcomeReason(p, p.tally)}` : ''}`;
  }
  return `Voting closes ${timestamp(p.closesAt, 'F')} (${timestamp(p.closesAt, 'R')})`;
}

/** Secret ballots and hide-results proposals vote with buttons: reactions would show every choice as it is made. */
export const votesByButtons = (p: Pick<ProposalView, 'anonymous' | 'hideResults'>) => p.anonymous || p.hideResults;

function howToVote(p: ProposalView, where: 'message' | 'detail'): string {
  const buttons = where === 'message' ? 'the buttons below' : 'the buttons under the proposal message (link above)';
  if (p.anonymous) return `Secret ballot: vote with ${buttons}. Only you see your vote; you can change it until the deadline. The tally is revealed at the close.`;
  if (p.hideResults) return `Vote with ${buttons}. Your vote is shown with your name after the close; until then only you see it. The tally is revealed at the close.`;
  return `React to vote: ${choicesFor(p.rule).map((c) => `${CHOICE_EMOJI[c]} ${c}`).join(' · ')}. Another reaction replaces your vote; removing it withdraws it.`;
}

/**
 * The proposal message in the proposals channel, live while open and final once closed. `detail` is the same
 * proposal in a `/proposal show` answer, which has no buttons of its own.
 */
export function renderProposal(p: ProposalView, where: 'message' | 'detail' = 'message'): EmbedBuilder {
  const embed = new EmbedBuilder()
    .setTitle(truncate(`#${p.number} · ${p.title}`, 256))
    .setColor(COLOR[p.status === 'open' ? 'open' : p.status === 'withdrawn' ? 'withdrawn' : (p.outcome ?? 'failed')])
    .setDescription(truncate(`${unmaskLinks(p.summary)}\n\n${p.authorId ? `Proposed by ${userMention(p.authorId)} · ` : ''}type **${p.type}**`, 4096));
  const optional: [string, string | null][] = [
    ['The need', p.need],
    ['Who we can bring it to', p.audience],
    ['How we will measure it', p.measure],
  ];
  for (const [name, value] of optional) if (value) embed.addFields({ name, value: truncate(unmaskLinks(value), 1024) });
  embed.addFields(
    { name: 'Rule', value: describeRule(p), inline: true },
    { name: 'Quorum', value: quorumText(p, p.tally), inline: true },
    { name: 'Who votes', value: votersText(p), inline: true },
    { name: p.status === 'open' ? 'Deadline' : 'Status', value: statusLine(p) },
    tallyField(p),
  );
  if (p.ruleChange) embed.addFields({ name: 'If it passes', value: ruleChangeText(p.ruleChange) });
  if (p.status === 'open') embed.setFooter({ text: howToVote(p, where) });
  return embed;
}

function ruleChangeText(change: NonNullable<ProposalView['ruleChange']>): string {
  if (change.kind === 'unlock') return 'Decision rules are unlocked: organizers may change them directly again.';
  return `The **${change.scope}** rule becomes ${describeRule({ rule: change.rule as ProposalView['rule'], thresholdNum: change.thresholdNum, thresholdDen: change.thresholdDen })}, quorum ${change.quorum === null ? 'none' : `${change.quorum}%`}, period ${formatDuration(change.periodMinutes)}, voters ${change.voters}.`;
}

/** Ballot buttons of secret and hide-results proposals (only while open): the choices, withdraw, and a reason. */
export function renderBallotButtons(p: ProposalView): ActionRowBuilder<ButtonBuilder>[] {
  if (!votesByButtons(p) || p.status !== 'open') return [];
  const row = new ActionRowBuilder<ButtonBuilder>();
  for (const choice of choicesFor(p.rule)) {
    row.addComponents(
      new ButtonBuilder()
        .setCustomId(customId('proposal', 'ballot', p.id, CHOICE_CODES[choice]))
        .setLabel(CHOICE_LABEL[choice])
        .setEmoji(CHOICE_EMOJI[choice])
        .setStyle(choice === 'yes' ? ButtonStyle.Success : choice === 'block' ? ButtonStyle.Danger : ButtonStyle.Secondary),
    );
  }
  row.addComponents(new ButtonBuilder().setCustomId(customId('proposal', 'ballot', p.id, 'w')).setLabel('Withdraw my vote').setStyle(ButtonStyle.Secondary));
  const reason = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(customId('proposal', 'ballot', p.id, 'r')).setLabel('Vote with a reason').setEmoji('✍️').setStyle(ButtonStyle.Primary),
  );
  return [row, reason];
}

/** Asks a member whose 🛑 came without a reason for one (pinging only them, on purpose), with the button to the form. */
export function renderBlockPrompt(p: Pick<ProposalView, 'id' | 'number'>, userId: string) {
  const button = new ButtonBuilder().setCustomId(customId('proposal', 'why', p.id, userId)).setLabel('Give my reason').setEmoji('🛑').setStyle(ButtonStyle.Danger);
  return { content: blockNeedsReason(userId, p.number), components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)], allowedMentions: { users: [userId] } };
}

/**
 * The result posted in the thread and the announcements channel. `voters` are the named votes a hide-results
 * proposal kept hidden while open: the close reveals them.
 */
export function renderResult(p: ProposalView, voters: { votes: CurrentVote[]; labels: Record<string, string> } | null = null): EmbedBuilder {
  const embed = new EmbedBuilder().setColor(COLOR[p.status === 'withdrawn' ? 'withdrawn' : (p.outcome ?? 'failed')]);
  if (p.status === 'withdrawn') {
    return embed.setTitle(truncate(`Proposal #${p.number} withdrawn: ${p.title}`, 256)).setDescription(p.closedBy ? `Withdrawn by ${userMention(p.closedBy)}.` : 'Withdrawn.');
  }
  const tally = p.tally!;
  const quorum = p.quorum === null ? 'no quorum required' : `quorum ${p.quorum}% (${tally.quorumNeeded} votes): ${tally.quorumMet ? 'met' : 'not met'}`;
  embed
    .setTitle(truncate(`Proposal #${p.number} ${OUTCOME_LABEL[p.outcome!].toLowerCase()}: ${p.title}`, 256))
    .setDescription(`${outcomeReason(p, tally)}\n${countsText(p.rule, tally)}\n${tally.voted} of ${tally.eligible} eligible voted; ${quorum}.\nRule: ${describeRule(p)}.`)
    .setFooter({ text: p.closedBy ? 'Closed early by an organizer.' : 'Closed at its deadline.' });
  if (voters && voters.votes.length > 0) {
    const lines = voteLines(voters.votes, voters.labels);
    embed.addFields({ name: 'Votes', value: joinWithin(lines, FIELD_MAX, Math.max(tally.voted, lines.length)) });
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

function voteLines(voters: CurrentVote[], labels: Record<string, string>): string[] {
  return voters.map((v) => {
    const who = labels[v.voterKey] ?? userMention(v.voterKey);
    const by = v.voterKey.startsWith('space:') && v.userId ? ` (by ${userMention(v.userId)})` : '';
    return `${CHOICE_EMOJI[v.choice]} ${who}${by}${v.reason ? `: ${truncate(v.reason, 120)}` : ''}`;
  });
}

const reasonLines = (reasons: string[]) => reasons.map((r) => `• ${truncate(r, 200)}`);

/** Whether ballots read with `limit` hold every vote or reason, or more than the field shows (no need to read more). */
export function detailFilled(ballots: DetailBallots, labels: Record<string, string>, limit: number): boolean {
  const lines = ballots.voters && ballots.voters.length > 0 ? voteLines(ballots.voters, labels) : reasonLines(ballots.reasons);
  return lines.length < limit || lines.join('\n').length > FIELD_MAX;
}

/**
 * `/proposal show`: the proposal plus who voted what (never for secret ballots) and the reasons. `ballots` may hold
 * only the first votes or reasons: the rest are counted from the view's `voted` and `reasonCount`.
 */
export function renderProposalDetail(p: ProposalView, ballots: DetailBallots, labels: Record<string, string>): EmbedBuilder {
  const embed = renderProposal(p, 'detail');
  if (ballots.voters && ballots.voters.length > 0) {
    const lines = voteLines(ballots.voters, labels);
    embed.addFields({ name: 'Votes', value: joinWithin(lines, FIELD_MAX, Math.max(p.voted, lines.length)) });
  } else if (ballots.reasons.length > 0) {
    const lines = reasonLines(ballots.reasons);
    embed.addFields({ name: p.anonymous ? 'Reasons given (secret ballot: no names)' : 'Reasons', value: joinWithin(lines, FIELD_MAX, Math.max(ballots.reasonCount ?? 0, lines.length)) });
  }
  return embed;
}

/**
 * Joins lines up to a limit, ending with "… and N more" instead of cutting a line in half. `total` counts lines
 * beyond those given (the caller read only the first ones).
 */
export function joinWithin(lines: string[], max: number, total = lines.length): string {
  const reserve = 24;
  let out = '';
  const more = (n: number) => (out ? `${out}\n… and ${n} more` : `… and ${n} more`);
  for (let i = 0; i < lines.length; i++) {
    const next = out ? `${out}\n${lines[i]}` : lines[i]!;
    const last = i === total - 1;
    if (next.length > (last ? max : max - reserve)) return more(total - i);
    out = next;
  }
  if (total > lines.length) return more(total - lines.length);
  return out || '—';
}

export function renderProposalList(title: string, items: ProposalView[], total: number, page: number, pageSize: number): EmbedBuilder {
  const lines = items.map((p) =>
    p.status === 'open'
      ? `**#${p.number}** ${truncate(escapeMarkdown(p.title), 80)} · closes ${timestamp(p.closesAt, 'R')} · ${p.voted}/${p.eligible} voted`
      : `**#${p.number}** ${truncate(escapeMarkdown(p.title), 80)} · ${p.status === 'withdrawn' ? 'withdrawn' : OUTCOME_LABEL[p.outcome!]} · ${timestamp(p.closedAt ?? p.closesAt, 'd')}${p.tally ? ` · ${countsText(p.rule, p.tally)}` : ''}`,
  );
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return new EmbedBuilder()
    .setTitle(title)
    .setColor(COLOR.open)
    .setDescription(lines.length ? lines.join('\n') : 'Nothing here yet.')
    .setFooter({ text: `Page ${page + 1} of ${pages} · ${total} in all` });
}

function ruleLine(r: DecisionRule & { inherited?: boolean }): string {
  const voters = r.voters === 'role' && r.voterRoleId ? `members with ${roleMention(r.voterRoleId)}` : r.voters === 'spaces' ? 'one vote per space' : r.voters === 'spaces-in-good-standing' ? 'one vote per space in good standing' : 'every member';
  return `${describeRule(r)} · quorum ${r.quorum === null ? 'none' : `${r.quorum}%`} · ${formatDuration(r.periodMinutes)} · ${voters} · authors ${r.allowOverride ? 'may' : 'may not'} override`;
}

export function renderRules(overview: RulesOverview): EmbedBuilder {
  const [fallback, ...types] = overview.rules;
  const embed = new EmbedBuilder()
    .setTitle('Decision rules')
    .setColor(COLOR.open)
    .setDescription(
      `${overview.locked ? '🔒 Rules are locked: changing one takes a passed proposal of type general.' : 'Organizers change rules with `/rules set`.'}` +
        (fallback?.builtIn ? '\nThe default below is the built-in one: set yours with `/rules set type:default`.' : ''),
    );
  if (fallback) embed.addFields({ name: 'Default (types without their own rule)', value: ruleLine(fallback) });
  for (const r of types) embed.addFields({ name: r.scope, value: r.inherited ? 'Uses the default' : ruleLine(r) });
  return embed;
}
