// Perk use cases: organizers add and remove partner offers; every member lists those still offered today.
import type { Actor } from '../shared/actor.js';
import { addDays, dayIn } from '../shared/calendar-day.js';
import type { Clock } from '../shared/clock.js';
import { conflict, forbidden, invalid, msg, notFound } from '../shared/errors.js';
import type { PerkRow, PerksRepo } from './perks.repo.js';
import { PERK_LIMITS } from './perks.rules.js';

export interface PerkInput {
  title: string;
  partner: string;
  details: string;
  code?: string;
  until?: string;
  link?: string;
}

export function createPerksService(deps: { repo: PerksRepo; clock: Clock; timezone(guildId: string): string }) {
  const { repo } = deps;
  const today = (guildId: string) => dayIn(deps.clock.now(), deps.timezone(guildId));

  function requireOrganizer(actor: Actor, what: 'add' | 'remove'): void {
    if (!actor.isOrganizer) throw forbidden(msg(what === 'add' ? 'perks.error.organizersAdd' : 'perks.error.organizersRemove'));
  }

  return {
    add(actor: Actor, input: PerkInput): PerkRow {
      requireOrganizer(actor, 'add');
      const day = today(actor.guildId);
      if (input.until !== undefined && input.until < day) throw invalid('until', msg('perks.error.untilPast'));
      if (input.until !== undefined && input.until > addDays(day, PERK_LIMITS.maxYearsAhead * 366)) throw invalid('until', msg('perks.error.untilFar', { years: PERK_LIMITS.maxYearsAhead }));
      if (repo.countCurrent(actor.guildId, day) >= PERK_LIMITS.maxPerks) throw conflict(msg('perks.error.full', { count: PERK_LIMITS.maxPerks }));
      return repo.insert({
        guildId: actor.guildId, title: input.title, partner: input.partner, details: input.details, code: input.code ?? null,
        until: input.until ?? null, link: input.link ?? null, createdBy: actor.userId, createdAt: deps.clock.now().getTime(),
      });
    },

    /** Perks offered today: an expired one is simply no longer there. */
    list(actor: Actor): PerkRow[] {
      return repo.current(actor.guildId, today(actor.guildId));
    },

    remove(actor: Actor, perkId: number): PerkRow {
      requireOrganizer(actor, 'remove');
      const perk = repo.get(actor.guildId, perkId);
      if (!perk) throw notFound(msg('perks.error.notFound'));
      repo.delete(actor.guildId, perkId);
      return perk;
    },

    forgetMember(guildId: string, userId: string) {
      return repo.forget(guildId, userId);
    },
  };
}

export type PerksService = ReturnType<typeof createPerksService>;
