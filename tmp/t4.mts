import { createServices } from '../src/services.js';
import { manualClock } from '../src/shared/clock.js';
import { openDatabase } from '../src/db/open.js';
const { db, sqlite } = openDatabase(':memory:');
const s = createServices({ db, clock: manualClock('2026-03-01T00:00:00Z') });
const a = { guildId: '100000000000000001', userId: '200000000000000001', isOrganizer: true, roleIds: [] };
for (const t of ['kestrel quorum 17', 'kestrel quorum 18', 'marble vortex 3']) { const r = s.skills.offer(a, { skill: t }); console.log(r.via, r.entry.label, r.created); }
console.log(sqlite.prepare('select skill_key, term from skill_entries').all());
