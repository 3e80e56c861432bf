// Sample spaces for the shell's demo alliance: a dozen across Seattle, Tacoma, Kansas City and Montréal.
import type { Services } from '../../services.js';
import type { Actor } from '../../shared/actor.js';
import type { ProfileInput } from '../../directory/directory.rules.js';

type Sample = ProfileInput & { host: string };

const SAMPLES: Sample[] = [
  { host: 'marcus', name: 'Rainier Commons', city: 'Seattle', country: 'US', desks: 40, website: 'https://rainier-commons.example.org', dayPass: '$25, alliance pass accepted', tags: 'black-owned,coworking,childcare,accessible', description: 'A bright loft by the light rail with a staffed kids corner on weekday mornings.', hours: 'Mon-Fri 8:00-18:00', contact: 'Walk in or email desk@rainier-commons.example.org; Marcus answers within a day.', accessibility: 'Step-free entrance, accessible restroom, elevator.' },
  { host: 'priya', name: 'Chai & Code', city: 'Seattle', country: 'US', desks: 18, dayPass: '$20 incl. chai', tags: 'women-owned,asian-owned,coworking,quiet', description: 'Quiet coworking above a tea shop in the International District.', hours: 'Tue-Sat 9:00-17:00', contact: 'Book on the website; Priya replies the same day.' },
  { host: 'lee', name: 'Rainbow Room Studios', city: 'Seattle', country: 'US', desks: 12, tags: 'lgbtq-owned,studio,podcast-room', description: 'Studios and a soundproof podcast room for creators.', dayPass: 'Studio hour $15', hours: 'Daily 10:00-22:00' },
  { host: 'marcus', name: 'Tideflats Makers', city: 'Tacoma', country: 'US', desks: 10, tags: 'bipoc-owned,makerspace', description: 'Wood shop, laser cutter and a few desks near the port.', dayPass: '$30 with shop induction', accessibility: 'Ground floor, wide doors.' },
  { host: 'sam', name: 'Hilltop Hub', city: 'Tacoma', country: 'US', desks: 25, tags: 'black-owned,coworking,incubator', description: 'Coworking and a small-business incubator on Hilltop.', dayPass: '$15, free for alliance members on Fridays', hours: 'Mon-Fri 7:00-19:00' },
  { host: 'olivia', name: 'Crossroads Collective', city: 'Kansas City', region: 'Missouri', country: 'US', desks: 120, website: 'https://crossroads-collective.example.org', tags: 'women-owned,coworking,childcare', description: 'The largest space in the alliance, in the Crossroads arts district.', dayPass: '$28, alliance pass accepted', hours: 'Mon-Sun 7:00-21:00', contact: 'Front desk: +1 816 555 0100' },
  { host: 'sam', name: '18th & Vine Works', city: 'Kansas City', region: 'Missouri', country: 'US', desks: 30, tags: 'black-owned,coworking,podcast-room', description: 'Coworking steps from the Jazz District with a podcast booth.', dayPass: '$18' },
  { host: 'priya', name: 'Westside Latinx Lab', city: 'Kansas City', region: 'Missouri', country: 'US', desks: 16, tags: 'latinx-owned,makerspace,studio', description: 'Bilingual makerspace and studio on the Westside.', dayPass: 'Pay what you can' },
  { host: 'lee', name: 'Café Collectif', city: 'Montréal', country: 'CA', desks: 14, tags: 'women-owned,coworking,quiet', description: 'Cowork dans un café du Mile End; français et anglais.', dayPass: '20 $ CA', hours: 'Lun-Ven 8h-18h' },
  { host: 'olivia', name: 'Atelier Autochtone', city: 'Montréal', country: 'CA', desks: 8, tags: 'indigenous-owned,studio', description: 'Indigenous-led studio space for artists and small teams.', dayPass: '15 $ CA' },
  { host: 'marcus', name: 'La Petite-Patrie Pods', city: 'Montréal', country: 'CA', desks: 22, tags: 'bipoc-owned,coworking,phone-booths', description: 'Phone booths and hot desks near Jean-Talon market.', dayPass: '18 $ CA' },
  { host: 'sam', name: 'Laval Launchpad', city: 'Laval', country: 'CA', desks: 35, tags: 'incubator,coworking,accessible', description: 'Startup incubator north of Montréal.', dayPass: '25 $ CA', accessibility: 'Step-free, accessible parking.' },
];

export function seedDirectorySamples(
  services: Services,
  demo: { guildId: string; members: Record<string, string> },
): void {
  const { directory } = services;
  if (directory.approvedSpaces(demo.guildId).length > 0) return;
  const as = (username: string, isOrganizer = false): Actor => ({
    guildId: demo.guildId,
    userId: demo.members[username] ?? demo.members.olivia!,
    isOrganizer,
    roleIds: [],
  });
  const organizer = as('olivia', true);
  const ids: number[] = [];
  for (const { host, ...profile } of SAMPLES) {
    const { space } = directory.register(as(host), profile);
    if (space.status === 'pending') directory.approve(organizer, space.id);
    ids.push(space.id);
  }
  // One co-host and one member link so /space show has people to list.
  directory.addHost(as('marcus'), ids[0]!, demo.members.lee ?? organizer.userId);
  directory.requestJoin(as('priya'), ids[5]!);
  directory.decideJoin(organizer, ids[5]!, as('priya').userId, true);
  // One listing left waiting, so /directory pending has something to show.
  directory.register(as('lee'), { name: 'Beacon Hill Nook', city: 'Seattle', country: 'US', desks: 6, tags: 'lgbtq-owned,quiet' });
}
