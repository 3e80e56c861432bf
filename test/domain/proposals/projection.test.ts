// Property test: whatever sequence of reactions, commands, departures and returns happens, the stored current
// votes equal a replay of the append-only event log, and closing freezes exactly those counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actor, basic, G1, members, organizer, people, setup } from './setup.js';

const MSG = '700000000000000001';
const users = [...members, '400000000000000000'];
const emoji = ['✅', '❌', '➖', '🛑', '👍'];

const op = fc.oneof(
  fc.record({ kind: fc.constant('react' as const), user: fc.integer({ min: 0, max: 4 }), emoji: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('unreact' as const), user: fc.integer({ min: 0, max: 4 }), emoji: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('command' as const), user: fc.integer({ min: 0, max: 4 }), choice: fc.constantFrom('yes', 'no', 'abstain', 'block', null) }),
  fc.record({ kind: fc.constant('leave' as const), user: fc.integer({ min: 0, max: 4 }) }),
);

describe('vote projection', () => {
  it('always equals the replay of the event log, and the close freezes it', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.constantFrom('majority', 'consensus'), (ops, rule) => {
        const { services } = setup();
        const p = services.proposals.create(actor(members[0]), { ...basic, rule }, people);
        services.proposals.attachMessage(G1, p.id, { channelId: '1', messageId: MSG, threadId: null });
        for (const o of ops) {
          const userId = users[o.user]!;
          if (o.kind === 'react') services.votes.reactionAdded({ guildId: G1, messageId: MSG, userId, emoji: emoji[o.emoji]!, isBot: false });
          if (o.kind === 'unreact') services.votes.reactionRemoved({ guildId: G1, messageId: MSG, userId, emoji: emoji[o.emoji]! });
          if (o.kind === 'command') {
            try {
              services.votes.vote(actor(userId), { proposalId: p.id, choice: o.choice });
            } catch {
              // block under majority is refused: that is part of what is being exercised.
            }
          }
          if (o.kind === 'leave') services.votes.memberLeft(G1, userId);
          expect(services.votes.verify(G1, p.id).consistent).toBe(true);
        }
        const before = services.votes.verify(G1, p.id).replayed;
        services.proposals.close(G1, p.id, organizer());
        const after = services.votes.verify(G1, p.id);
        expect(after).toMatchObject({ consistent: true, stored: before });
      }),
      { numRuns: 60 },
    );
  });
});
