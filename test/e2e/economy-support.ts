// Shared set-up for the pass, leads and perks end-to-end tests: an alliance in UTC with approved spaces and hosts.
import type { Alliance, Harness } from '../support/bot.js';

export interface SpacesWorld {
  a: Alliance;
  /** Space ids by name: Rainier (marcus), Harbor (priya), Prairie (sam). */
  space: Record<'rainier' | 'harbor' | 'prairie', number>;
}

export async function allianceWithSpaces(h: Harness): Promise<SpacesWorld> {
  const a = await h.newAlliance();
  await a.setup({ timezone: 'UTC' });
  const dir = h.bot.services.directory;
  const actor = (userId: string, isOrganizer = false) => ({ guildId: a.id, userId, isOrganizer, roleIds: [] });
  const make = (member: 'marcus' | 'priya' | 'sam', name: string, city: string) => {
    const { space } = dir.register(actor(a.members[member]), { name, city, country: 'US', desks: 20 });
    dir.approve(actor(a.members.olivia, true), space.id);
    return space.id;
  };
  return {
    a,
    space: { rainier: make('marcus', 'Rainier Commons', 'Seattle'), harbor: make('priya', 'Harbor Desk', 'Tacoma'), prairie: make('sam', 'Prairie Hub', 'Kansas City') },
  };
}
