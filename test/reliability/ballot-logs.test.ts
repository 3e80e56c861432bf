// Ballots never reach the logs: a run with votes by button, form, command and reaction, with injected REST failures
// (interaction callbacks and webhook edits failing beyond the retries) and a throwing handler, logged at trace level,
// has no line with a ballot's choice next to its voter, an interaction token, a webhook URL or a ballot custom id.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaPort } from '../../src/proposals/ports.js';
import { createLogger } from '../../src/shared/logger.js';
import { startHarness, waitUntil, type Harness } from '../support/bot.js';
import { openProposal, react } from '../e2e/proposals-support.js';

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

// A throwing handler: the agenda as the proposals feature sees it fails when asked for items.
const brokenAgenda: AgendaPort = {
  agendaItemsForProposal: () => [],
  agendaItem: () => {
    throw new Error('agenda store unavailable');
  },
  recordItemDecision: () => {},
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ logger: createLogger('trace', sink), ports: { agenda: brokenAgenda } });
});
afterAll(async () => {
  await h?.stop();
});

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback/;
const WEBHOOK = /^\/webhooks\/\d+\/[^/]+\/messages\/(@|%40)original/;

describe('logs of a run with failures', () => {
  it('never hold a ballot choice with its voter, an interaction token, a webhook URL or a ballot custom id', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const secret = await openProposal(h, a, 'marcus', { anonymous: true, rule: 'consensus' });
    const click = (member: 'priya' | 'sam' | 'marcus', label: string) =>
      h.bed.driver.click({ guildId: a.id, channelId: a.channel('proposals'), messageId: secret.message.id, userId: a.members[member], label });

    // The answer to a ballot button fails beyond the retries: the error path logs, the member is told.
    h.bed.fault({ method: 'POST', route: CALLBACK, status: 500, times: 4 });
    await click('priya', 'Yes').then((r) => r.reply().catch(() => null));
    await (await click('sam', 'No')).reply();
    const form = await click('marcus', 'Vote with a reason');
    h.bed.fault({ method: 'POST', route: CALLBACK, status: 502, times: 4 });
    await h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('proposals'), userId: a.members.marcus, modal: form.modal!, values: { vote: 'abstain', reason: 'Secret reason' }, messageId: secret.message.id })
      .then((r) => r.reply().catch(() => null));

    // A public proposal: a reaction, a command vote, and an early close whose deferred answer cannot be edited.
    const open = await openProposal(h, a, 'marcus');
    react(h, a, 'priya', open.message.id, '❌');
    await waitUntil(() => h.bot.services.votes.tally(a.id, open.id).voted === 1, 5000, 'the reaction vote');
    await a.reply('sam', 'proposal vote', { proposal: open.id, choice: 'yes', reason: 'Cheaper' });
    const asked = await a.reply('olivia', 'proposal close', { proposal: open.id });
    h.bed.fault({ method: 'PATCH', route: WEBHOOK, status: 500, times: 4 });
    await h.bed.driver.click({ guildId: a.id, channelId: a.channel('general'), userId: a.members.olivia, messageId: asked.id, label: 'Close now' })
      .then((r) => r.updated(8000).catch(() => null));

    // A handler that throws (the agenda behind from-item is broken).
    await a.reply('marcus', 'proposal create', { title: 'From the agenda', 'from-item': 7 });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const failed = h.bed.requests.filter((r) => r.status >= 500).map((r) => `${r.method} ${r.route}`);
    expect(failed.some((r) => r.includes('callback'))).toBe(true);
    expect(failed.some((r) => r.startsWith('PATCH /webhooks'))).toBe(true);
    expect(lines.some((l) => l.includes('agenda store unavailable'))).toBe(true);

    const tokens = new Set<string>();
    for (const r of h.bed.requests) {
      const token = /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/.exec(r.path)?.[1];
      if (token) tokens.add(decodeURIComponent(token));
    }
    expect(tokens.size).toBeGreaterThan(3);
    const voters = [a.members.priya, a.members.sam, a.members.marcus];
    const choice = /"choice"|\b(yes|abstain|block)\b|✅|❌|➖|🛑|is (yes|no)\b|proposal:ballot|proposal%3Aballot|proposal:reason/i;
    const leaks = lines.filter(
      (line) =>
        [...tokens].some((t) => line.includes(t) || line.includes(encodeURIComponent(t))) ||
        /\/webhooks\/|\/interactions\/\d+\//.test(line) ||
        /v1:proposal:(ballot|reason|why)/.test(line) ||
        (voters.some((id) => line.includes(id)) && choice.test(line)),
    );
    expect(lines.length).toBeGreaterThan(4);
    expect(leaks).toEqual([]);
  });
});
