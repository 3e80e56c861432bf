// One place decides a proposal's result: decide() in tally.rules.ts. The triggers on proposal_ballots only count
// (their counts equal a recount of the ballots), no SQL names an outcome, and what a proposal shows and stores
// on closing is decide()'s answer over those counts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Choice } from '../../../src/db/schema/index.js';
import { countChoices, decide } from '../../../src/proposals/tally.rules.js';
import { DAY } from '../../../src/shared/clock.js';
import { actor, basic, G1, members, people, setup } from './setup.js';

const MSG = '700000000000000001';
const [ana, ben, cat, dan] = members;

function opened() {
  const ctx = setup();
  const p = ctx.services.proposals.create(actor(ana), basic, people);
  ctx.services.proposals.attachMessage(G1, p.id, { channelId: '1', messageId: MSG, threadId: null });
  const react = (userId: string, emoji: string) => ctx.services.votes.reactionAdded({ guildId: G1, messageId: MSG, userId, emoji, isBot: false });
  const unreact = (userId: string, emoji: string) => ctx.services.votes.reactionRemoved({ guildId: G1, messageId: MSG, userId, emoji });
  const recount = () =>
    countChoices(
      (ctx.db.sqlite.prepare('SELECT choice FROM proposal_ballots WHERE proposal_id = ? AND caster_left = 0').all(p.id) as { choice: Choice }[]).map((r) => r.choice),
    );
  return { ...ctx, p, react, unreact, recount };
}

describe('where a tally is decided', () => {
  it("the stored tally is only a count: it equals a recount of the current ballots after votes, changes, withdrawals and a member leaving", () => {
    const { services, p, react, unreact, recount } = opened();
    react(ben, '✅');
    react(cat, '✅');
    react(cat, '❌');
    react(dan, '➖');
    unreact(dan, '➖');
    react(ana, '✅');
    services.votes.memberLeft(G1, ben);
    expect(services.votes.tally(G1, p.id).counts).toEqual(recount());
    expect(recount()).toEqual({ yes: 1, no: 1, abstain: 0, block: 0 });
  });

  it('the outcome shown while open and stored on closing is what decide() says over the counts', () => {
    const { services, clock, p, react } = opened();
    react(ben, '✅');
    react(cat, '❌');
    const open = services.proposals.get(G1, p.id);
    // A tie under the majority rule fails: decide() says so, and so does the view.
    expect(open.tally?.outcome).toBe(decide(open, open.tally!.counts, open.tally!.eligible).outcome);
    expect(open.tally?.outcome).toBe('failed');
    clock.advance(8 * DAY);
    const closed = services.proposals.close(G1, p.id, null).proposal;
    expect(closed.outcome).toBe(decide(closed, { yes: 1, no: 1, abstain: 0, block: 0 }, closed.tally!.eligible).outcome);
  });

  it('no migration decides: triggers and views never name an outcome', () => {
    const dir = join(import.meta.dirname, '../../../drizzle');
    const deciding = readdirSync(dir)
      .filter((file) => file.endsWith('.sql'))
      .flatMap((file) => readFileSync(join(dir, file), 'utf8').split('--> statement-breakpoint').map((statement) => ({ file, statement })))
      .filter(({ statement }) => /CREATE\s+(TRIGGER|VIEW)/i.test(statement) && /'(passed|failed|no_quorum)'/.test(statement));
    expect(deciding.map(({ file }) => file)).toEqual([]);
  });
});
