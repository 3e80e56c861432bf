// What must hold after any hostile or odd interaction: an answer when one is due, no "Something went wrong", no
// request Discord would refuse, nothing stored when the member was refused, and no bot message that pings.
import type { InteractionResult, MessageView } from '../../../src/testbed/types.js';
import { visibleText, type Alliance, type Harness } from '../../support/bot.js';
import { rowCounts } from './scenario.js';

export const REFUSED = /^(⚠️|🚫|Please fix)/;
export const UNEXPECTED = /Something went wrong/;

export interface Checker {
  /** Checks one interaction (null: an autocomplete); returns what the member saw. */
  check(label: string, result: InteractionResult | null, requestsBefore: number, countsBefore: Record<string, number>): Promise<{ kind: string; text: string; reply: MessageView | null }>;
  problems: string[];
  outcomes: Record<string, number>;
  readonly cases: number;
}

export function createChecker(h: Harness): Checker {
  const problems: string[] = [];
  const outcomes: Record<string, number> = {};
  let cases = 0;
  return {
    problems,
    outcomes,
    get cases() {
      return cases;
    },
    async check(label, result, requestsBefore, countsBefore) {
      cases += 1;
      let reply: MessageView | null = null;
      if (result && (result.type === 4 || result.type === 5)) reply = await result.reply(8000).catch(() => null);
      if (result && (result.type === 6 || result.type === 7)) reply = await result.updated(8000).catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const text = reply ? visibleText(reply) : '';
      const kind = !result ? 'autocomplete' : result.type === 9 ? 'modal' : REFUSED.test(text) ? 'refused' : reply ? 'answered' : 'other';
      outcomes[kind] = (outcomes[kind] ?? 0) + 1;
      if (result && (result.type === 4 || result.type === 5) && !reply) problems.push(`${label}: no reply`);
      if (UNEXPECTED.test(text)) problems.push(`${label}: ${text.slice(0, 160)}`);
      if (reply && REFUSED.test(text) && !reply.ephemeral) problems.push(`${label}: refused in public`);
      // Expected 4xx: looking up a member who is not in the server (the bot then says so).
      const rejected = h.bed.requests.slice(requestsBefore).filter((r) => r.status >= 400 && r.status !== 429 && !(r.status === 404 && r.route === '/guilds/:id/members/:id'));
      for (const r of rejected) problems.push(`${label}: Discord answered ${r.status} to ${r.method} ${r.route}: ${JSON.stringify(r.body).slice(0, 200)}`);
      if (reply && REFUSED.test(text) && JSON.stringify(rowCounts(h)) !== JSON.stringify(countsBefore)) problems.push(`${label}: refused but the database changed`);
      return { kind, text, reply };
    },
  };
}

/** Every bot message in the alliance's channels, their threads and its members' DMs that pinged someone. */
export function pingingBotMessages(h: Harness, a: Alliance): { count: number; pinged: string[] } {
  const channels = ['general', 'announcements', 'organizers', 'proposals', 'meetings'].map((name) => a.channel(name));
  const dms = Object.values(a.members).map((id) => h.bed.dmChannel(id)?.id).filter((id): id is string => !!id);
  const messages = [...channels, ...dms].flatMap((id) => h.bed.messages(id)).filter((m) => m.fromBot);
  const threads = messages.map((m) => m.threadId).filter((id): id is string => !!id).flatMap((id) => h.bed.messages(id));
  const all = [...messages, ...threads];
  const pinged = all.filter((m) => m.pings.everyone || m.pings.here || m.pings.users.length > 0 || m.pings.roles.length > 0);
  return { count: all.length, pinged: pinged.map((m) => `${m.channelId}: ${visibleText(m).slice(0, 100)} → ${JSON.stringify(m.pings)}`) };
}
