// Skill-share in the bench: 50,000 entries (offers and needs over the taxonomy, five per member for 10,000
// members), written in bulk as the skills repo writes them; /skills match is measured for members who have entries.
import type Database from 'better-sqlite3';
import { createServices } from '../../src/services.js';
import type { Actor } from '../../src/shared/actor.js';
import { DAY } from '../../src/shared/clock.js';
import { SKILLS } from '../../src/skills/taxonomy.data.js';
import { normalizeSkillText } from '../../src/skills/taxonomy.rules.js';
import { expectMessage, slash } from '../interact.js';
import type { BenchFeature } from './types.js';

const PER_MEMBER = 5;
const LEVELS = ['learning', 'practiced', 'expert'] as const;

/** Entries `from`..`to`-1 of a guild, PER_MEMBER per member, as the skills repo writes them. */
function writeEntries(sqlite: Database.Database, guildId: string, members: readonly string[], from: number, to: number): void {
  const now = Date.now();
  const insert = sqlite.prepare(`INSERT INTO skill_entries (guild_id, user_id, kind, skill_key, term, level, note, by_date, created_at, renewed_at, expires_at)
    VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)`);
  sqlite.transaction(() => {
    for (let k = from; k < to; k++) {
      const userId = members[Math.floor(k / PER_MEMBER) % members.length]!;
      // Spread over the taxonomy so offers and needs meet; a member's five entries are five different skills.
      const skill = SKILLS[(k * 7 + Math.floor(k / PER_MEMBER) * 13) % SKILLS.length]!;
      const offer = k % PER_MEMBER < 3;
      insert.run(guildId, userId, offer ? 'offer' : 'need', skill.id, normalizeSkillText(skill.label), offer ? LEVELS[k % LEVELS.length]! : null,
        now - k, now - k, offer ? null : now + 60 * DAY);
    }
  })();
}

const GROWTH_GUILD = '900000000000000002';
const memberIds = (n: number) => Array.from({ length: n }, (_, i) => String(100_000_000_000_000_000n + BigInt(i)));

export const skills: BenchFeature = {
  name: 'skills',

  seed({ services, sqlite, organizer, members, scale }) {
    // Bulk rows: adding 50,000 entries one by one through the service records match notices against every matching
    // entry (~20 ms per entry at 2,000 entries on this machine), which no alliance does at once.
    writeEntries(sqlite, organizer.guildId, members, 0, Math.min(scale.skillEntries, members.length * PER_MEMBER));
    const sample: Actor = { guildId: organizer.guildId, userId: members[0]!, isOrganizer: false, roleIds: [] };
    if (services.skills.match(sample).length === 0) throw new Error('seeded skill entries are not matched by the skills service');
  },

  interactions: [
    {
      name: '/skills match',
      // Out of the throughput mix while a match costs ~60-100 ms of CPU at 50,000 entries (see its latency row and the
      // growth table): in the mix it would set the rate alone and the 20,000-interaction top-up would take ~15 minutes.
      inMix: false,
      async send(ctx, i) {
        expectMessage(await slash(ctx, ctx.member(i), 'skills match'), '/skills match');
      },
    },
  ],

  growth: [
    {
      rows: 'skill entries',
      start({ db, sqlite, clock }) {
        let rows = 0;
        let services = createServices({ db, clock });
        const members = memberIds(20_000);
        return {
          fillTo(n) {
            writeEntries(sqlite, GROWTH_GUILD, members, rows, n);
            rows = n;
            // The service keeps an in-memory index per alliance: a fresh one sees the bulk rows, as the bot at start-up does.
            services = createServices({ db, clock });
          },
          queries: [{
            name: 'skills match',
            target: 'report',
            run: (i) => services.skills.match({ guildId: GROWTH_GUILD, userId: members[i % Math.max(1, Math.floor(rows / PER_MEMBER))]!, isOrganizer: false, roleIds: [] }),
          }],
        };
      },
    },
  ],
};
