// Demo data for the shell: the alliance's default rule and one open proposal with a couple of votes.
import type { Services } from '../../services.js';
import type { Actor } from '../../shared/actor.js';

export function seedProposalsSamples(services: Services, demo: { guildId: string; members: Record<string, string> }): void {
  const { guildId, members } = demo;
  const as = (name: string, isOrganizer = false): Actor => ({ guildId, userId: members[name]!, isOrganizer, roleIds: [] });
  // Proposals are posted in the proposals channel; without one the demo has nowhere to show them.
  if (!services.alliances.settings(guildId).proposalsChannelId) return;
  if (services.proposals.list(guildId, 'open').total > 0) return;
  if (services.rules.show(guildId).rules[0]?.builtIn) {
    services.rules.set(as('olivia', true), { type: 'default', rule: 'majority', quorum: 40, period: '7d', allowOverride: true });
  }
  const people = { humans: Object.values(members).map((id) => ({ id, roleIds: [] as string[] })) };
  const proposal = services.proposals.create(
    as('priya'),
    {
      type: 'general',
      title: 'Shared day pass across all member spaces',
      summary: 'Members of any alliance space may work one day a month at any other member space, free of charge.',
      need: 'Members travel across town and want a desk near their meetings.',
      audience: 'Every member space; the city’s business network for a joint announcement.',
      measure: 'Day passes used per month, and member feedback after three months.',
    },
    people,
  );
  services.votes.vote(as('marcus'), { proposalId: proposal.id, choice: 'yes', reason: 'Our members have asked for this for a year.' });
  services.votes.vote(as('sam'), { proposalId: proposal.id, choice: 'abstain' });
}
