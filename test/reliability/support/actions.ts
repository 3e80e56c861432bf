// The stream of member actions the crash test sends while it kills the bot: each kind knows how to send itself,
// whether the bot acknowledged it, and how many rows the database holds for it afterwards (must be exactly 1).
// Kinds: /skills offer, /agenda add, /ideas add, /space register with its form (two interactions), /pass checkin of a
// fresh pass by the host of a space that takes the pass, and /dues record (an organizer's payment in the append-only ledger).
import type Database from 'better-sqlite3';
import type { GuildHandle, TestBed } from '../../../src/testbed/types.js';

export interface World {
  bed: TestBed;
  guild: GuildHandle;
  memberIds: string[];
  meetingIds: number[];
  /** Passes issued before the first start, each checked in once by the stream (taken from the front). */
  passes: { code: string; spaceId: number; hostId: string }[];
  /** An approved member space under a dues plan: the crash test records payments for it. */
  duesSpaceId: number;
}

export interface Action {
  kind: string;
  userId: string;
  label: string;
  /** Sends it; resolves true when the member saw the bot's success answer. */
  send(world: World): Promise<boolean>;
  /** Rows that store it (0 or 1 when not acknowledged; exactly 1 when acknowledged). */
  stored(sqlite: Database.Database, guildId: string): number;
}

export type Rng = () => number;

/** mulberry32: a seeded generator, so a failing run can be replayed with CRASH_SEED. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ACTION_KINDS = ['skill', 'agenda', 'idea', 'space', 'visit', 'dues'] as const;

/** Spaces of the alliance whose host list is not exactly the member who registered it (a registration stored half). */
export function spacesWithoutTheirHost(sqlite: Database.Database, guildId: string): string[] {
  const rows = sqlite.prepare('SELECT s.name, s.created_by AS createdBy, (SELECT group_concat(h.user_id) FROM space_hosts h WHERE h.space_id = s.id) AS hosts FROM spaces s WHERE s.guild_id = ?').all(guildId) as { name: string; createdBy: string; hosts: string | null }[];
  return rows.filter((r) => r.hosts !== r.createdBy).map((r) => `${r.name}: hosts ${r.hosts ?? 'none'}`);
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const word = (rng: Rng) => Array.from({ length: 7 }, () => pick(rng, 'bcdfghjklmnpqrstvwxz'.split('')) + pick(rng, 'aeiou'.split(''))).join('').slice(0, 9);

async function acknowledged(world: World, input: Parameters<TestBed['driver']['command']>[0], success: RegExp): Promise<boolean> {
  const result = await world.bed.driver.command(input);
  const reply = await result.reply(4000);
  if (!success.test(reply.content) && process.env['CRASH_DEBUG']) console.log('not acknowledged:', reply.content.slice(0, 120));
  return success.test(reply.content);
}

/** /space register and then its form, as a member does; acknowledged when the form's answer says it is registered. */
async function registered(world: World, base: { guildId: string; channelId: string; userId: string }, name: string): Promise<boolean> {
  const opened = await world.bed.driver.command({ ...base, name: 'space', subcommand: 'register', options: { name, city: 'Seattle', country: 'US', desks: 12 } });
  if (opened.type !== 9 || !opened.modal) {
    if (process.env['CRASH_DEBUG']) console.log('no form:', (await opened.reply(4000)).content.slice(0, 120));
    return false;
  }
  const submitted = await world.bed.driver.submitModal({ ...base, modal: opened.modal, values: { description: `Desks and coffee at ${name}.`, hours: 'Mon-Fri 9-17' } });
  const reply = await submitted.reply(4000);
  if (!/^✅ Registered/.test(reply.content) && process.env['CRASH_DEBUG']) console.log('not acknowledged:', reply.content.slice(0, 120));
  return /^✅ Registered/.test(reply.content);
}

/** A fresh, unique action of a random kind for a random member. */
export function nextAction(rng: Rng, world: World, n: number): Action {
  const userId = pick(rng, world.memberIds);
  const base = { guildId: world.guild.id, channelId: world.guild.channel('general'), userId };
  const kind = pick(rng, ACTION_KINDS);
  if (kind === 'space') {
    const label = `${word(rng)} Hub ${n}`;
    return {
      kind, userId, label,
      send: (w) => registered(w, base, label),
      stored: (db, g) => (db.prepare("SELECT COUNT(*) AS n FROM spaces WHERE guild_id = ? AND name = ? AND city = 'Seattle'").get(g, label) as { n: number }).n,
    };
  }
  const pass = kind === 'visit' ? world.passes.shift() : undefined;
  if (pass) {
    const host = { ...base, userId: pass.hostId };
    return {
      kind, userId: pass.hostId, label: pass.code,
      send: (w) => acknowledged(w, { ...host, name: 'pass', subcommand: 'checkin', options: { 'pass-code-or-member': pass.code, space: pass.spaceId } }, /^✅ Visit recorded/),
      stored: (db, g) => (db.prepare('SELECT COUNT(*) AS n FROM pass_visits v JOIN passes p ON p.id = v.pass_id WHERE v.guild_id = ? AND p.code = ?').get(g, pass.code) as { n: number }).n,
    };
  }
  if (kind === 'dues') {
    // Payments are recorded by an organizer (the owner); the note tells each one apart.
    const label = `Payment ${word(rng)} ${n}`;
    const owner = { ...base, userId: world.memberIds[0]! };
    return {
      kind, userId: owner.userId, label,
      send: (w) => acknowledged(w, { ...owner, name: 'dues', subcommand: 'record', options: { space: w.duesSpaceId, amount: '50', note: label } }, /^✅ Entry #\d+/),
      stored: (db, g) => (db.prepare("SELECT COUNT(*) AS n FROM dues_entries WHERE guild_id = ? AND kind = 'payment' AND note = ?").get(g, label) as { n: number }).n,
    };
  }
  if (kind === 'skill') {
    const label = `${word(rng)} ${word(rng)} ${n}`;
    return {
      kind, userId, label,
      send: (w) => acknowledged(w, { ...base, name: 'skills', subcommand: 'offer', options: { skill: label } }, /^✅ (Added|Updated) your offer/),
      stored: (db, g) => (db.prepare('SELECT COUNT(*) AS n FROM skill_entries WHERE guild_id = ? AND user_id = ? AND skill_key = ?').get(g, userId, `custom:${label}`) as { n: number }).n,
    };
  }
  if (kind === 'agenda') {
    const label = `Topic ${word(rng)} ${n}`;
    const meetingId = pick(rng, world.meetingIds);
    return {
      kind, userId, label,
      send: (w) => acknowledged(w, { ...base, name: 'agenda', subcommand: 'add', options: { meeting: meetingId, topic: label, minutes: 5 } }, /^✅ Added/),
      stored: (db, g) => (db.prepare('SELECT COUNT(*) AS n FROM agenda_items WHERE guild_id = ? AND proposed_by = ? AND topic = ?').get(g, userId, label) as { n: number }).n,
    };
  }
  const label = `Idea ${word(rng)} ${n}`;
  return {
    kind, userId, label,
    send: (w) => acknowledged(w, { ...base, name: 'ideas', subcommand: 'add', options: { text: label } }, /^💡 Parked/),
    stored: (db, g) => (db.prepare('SELECT COUNT(*) AS n FROM ideas WHERE guild_id = ? AND author_id = ? AND text = ?').get(g, userId, label) as { n: number }).n,
  };
}
