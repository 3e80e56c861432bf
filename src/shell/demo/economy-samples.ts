// Sample alliance passes, leads and perks for the shell's demo alliance, seeded through the services (no DMs go
// out at start: leads are delivered only when a member sends one with /lead send).
import type { Services } from '../../services.js';
import type { Actor } from '../../shared/actor.js';

export function seedEconomySamples(services: Services, demo: { guildId: string; members: Record<string, string> }): void {
  const as = (username: string, isOrganizer = false): Actor => ({ guildId: demo.guildId, userId: demo.members[username] ?? demo.members.olivia!, isOrganizer, roleIds: [] });
  const organizer = as('olivia', true);
  const spaces = new Map(services.directory.approvedSpaces(demo.guildId).map((s) => [s.name, s.id]));
  const id = (name: string) => {
    const found = spaces.get(name);
    if (found === undefined) throw new Error(`sample space ${name} is missing`);
    return found;
  };
  if (services.pass.acceptingSpaceIds(demo.guildId).size > 0) return;

  services.pass.setSpaceTerms(as('marcus'), id('Rainier Commons'), { accepts: true, terms: 'Weekdays; book a day ahead at the front desk' });
  services.pass.setSpaceTerms(as('olivia'), id('Crossroads Collective'), { accepts: true, terms: 'Any day, hot desks only' });
  services.pass.setSpaceTerms(as('sam'), id('Hilltop Hub'), { accepts: true });
  services.pass.setSpaceTerms(as('priya'), id('Chai & Code'), { accepts: false, terms: 'Full most days; ask us about quiet weeks' });
  const sam = services.pass.issue(organizer, { userId: as('sam').userId, visits: 10, validDays: 365, note: 'Paid $120' });
  const priya = services.pass.issue(organizer, { userId: as('priya').userId, visits: 5, validDays: 90 });
  services.pass.issue(organizer, { holderName: 'Jordan Rivera (visiting from Portland)', visits: 3, validDays: 30 });
  services.pass.checkin(as('marcus'), { pass: sam.code, spaceId: id('Rainier Commons') });
  services.pass.checkin(as('olivia'), { pass: sam.code, spaceId: id('Crossroads Collective') });
  services.pass.checkin(as('marcus'), { pass: priya.code, spaceId: id('Rainier Commons') });

  const quiet = services.leads.send(as('marcus'), { fromSpaceId: id('Rainier Commons'), toSpaceId: id('Chai & Code'), need: 'A quiet desk for a novelist, three days a week', size: 1, consent: false });
  services.leads.answer(as('priya'), quiet.lead.id, true);
  services.leads.send(as('sam'), { fromSpaceId: id('Hilltop Hub'), toSpaceId: id('Rainbow Room Studios'), need: 'A podcast studio for half a day, twice a month', size: 2, consent: true, contact: 'Ana, ana@example.org' });
  const team = services.leads.send(as('olivia'), { fromSpaceId: id('Crossroads Collective'), toSpaceId: id('18th & Vine Works'), need: 'A private office for a team of 6 from next month', size: 6, consent: false });
  services.leads.answer(as('sam'), team.lead.id, true);
  services.leads.outcome(as('olivia'), team.lead.id, 'won');

  services.perks.add(organizer, { title: '20% off bookkeeping', partner: 'Ledger & Co', details: 'The first year of bookkeeping for any member space.', code: 'ALLY20', link: 'https://ledger.example.org/alliance' });
  services.perks.add(organizer, { title: 'Free insurance review', partner: 'SafeDesk Insurance', details: 'A one-hour review of your liability and property cover.' });
  services.perks.add(organizer, { title: 'Ergonomic chairs at cost', partner: 'ChairFix', details: 'Refurbished task chairs at cost for member spaces.', code: 'CHAIRS-AT-COST' });
}
