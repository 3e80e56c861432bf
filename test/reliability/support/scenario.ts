// A representative member session as steps, each with a check of what it must leave behind: the fault test runs it
// once to learn which REST routes each step uses, then again with a fault injected on each route.
import { visibleText, waitUntil, type Alliance, type Harness } from '../../support/bot.js';

export interface ScenarioState {
  meetingId?: number;
  proposalMessageId?: string;
  proposalId?: number;
}

export interface Step {
  name: string;
  /** Does it; returns what the member saw (empty when nothing is shown to them). */
  run(h: Harness, a: Alliance, s: ScenarioState): Promise<string>;
  /** True once its effect is stored and visible (may wait a little for debounced edits). */
  done(h: Harness, a: Alliance, s: ScenarioState): Promise<boolean>;
}

const eventually = (condition: () => boolean, ms = 4000) => waitUntil(condition, ms).then(() => true, () => false);
const inDays = (h: Harness, days: number) => new Date(h.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

export const steps: Step[] = [
  {
    name: 'alliance setup',
    run: async (_h, a) => visibleText(await a.setup({ timezone: 'UTC' })),
    done: async (h, a) => h.bot.services.alliances.settings(a.id).configured,
  },
  {
    name: 'skills offer',
    run: async (_h, a) => visibleText(await a.reply('marcus', 'skills offer', { skill: 'bookkeeping', level: 'expert' })),
    done: async (h, a) => h.bot.services.skills.mine({ guildId: a.id, userId: a.members.marcus, isOrganizer: false, roleIds: [] }).length === 1,
  },
  {
    name: 'meeting schedule + confirm',
    async run(h, a, s) {
      const preview = await a.reply('olivia', 'meeting schedule', { title: 'Fault meetup', when: `${inDays(h, 12)} 18:00` });
      const clicked = await h.bed.driver.click({ guildId: a.id, channelId: preview.channelId, userId: a.members.olivia, messageId: preview.id, label: 'Confirm' });
      const shown = await clicked.updated();
      s.meetingId = h.bot.services.meetings.list(a.id)[0]?.id;
      return visibleText(shown);
    },
    done: async (h, a, s) => s.meetingId !== undefined && (await eventually(() => h.bed.scheduledEvents(a.id).length === 1)),
  },
  {
    name: 'agenda add + post',
    async run(_h, a, s) {
      const added = visibleText(await a.reply('marcus', 'agenda add', { meeting: s.meetingId ?? 0, topic: 'Shared insurance', minutes: 10 }));
      const posted = visibleText(await a.reply('olivia', 'agenda post', { meeting: s.meetingId ?? 0 }));
      return `${added}\n${posted}`;
    },
    done: async (h, a) => eventually(() => h.bed.messages(a.channel('meetings')).some((m) => m.fromBot && visibleText(m).includes('Shared insurance'))),
  },
  {
    name: 'proposal create',
    async run(h, a, s) {
      const result = await a.run('marcus', 'proposal create', { title: 'Shared printer' });
      if (!result.modal) return visibleText(await result.reply());
      const submitted = await h.bed.driver.submitModal({ guildId: a.id, channelId: a.channel('general'), userId: a.members.marcus, modal: result.modal, values: { title: 'Shared printer', summary: 'Buy a shared printer.' } });
      const text = visibleText(await submitted.reply(10_000));
      s.proposalMessageId = h.bed.messages(a.channel('proposals')).find((m) => m.fromBot && m.embeds[0]?.title?.includes('Shared printer'))?.id;
      s.proposalId = s.proposalMessageId ? h.bot.services.proposals.byMessage(a.id, s.proposalMessageId)?.id : undefined;
      return text;
    },
    done: async (h, a, s) =>
      s.proposalId !== undefined && (await eventually(() => (h.bed.message(s.proposalMessageId!)?.reactions.length ?? 0) >= 2)),
  },
  {
    name: 'reaction vote',
    async run(h, a, s) {
      if (s.proposalMessageId) h.bed.driver.react({ channelId: a.channel('proposals'), messageId: s.proposalMessageId, userId: a.members.priya, emoji: '✅' });
      return '';
    },
    done: async (h, a, s) =>
      s.proposalId !== undefined &&
      (await eventually(() => h.bot.services.votes.tally(a.id, s.proposalId!).voted === 1)) &&
      (await eventually(() => /✅\s*1|1 yes|Yes\D*1/i.test(visibleText(h.bed.message(s.proposalMessageId!)!)), 8000)),
  },
  {
    name: 'vote changed (older reaction removed)',
    async run(h, a, s) {
      if (s.proposalMessageId) h.bed.driver.react({ channelId: a.channel('proposals'), messageId: s.proposalMessageId, userId: a.members.priya, emoji: '❌' });
      return '';
    },
    done: async (h, a, s) =>
      s.proposalId !== undefined &&
      (await eventually(() => h.bot.services.votes.tally(a.id, s.proposalId!).counts.no === 1)) &&
      (await eventually(() => !h.bed.message(s.proposalMessageId!)!.reactions.find((r) => r.emoji === '✅')?.userIds.includes(a.members.priya))),
  },
  {
    name: 'introduction request by DM',
    async run(h, a) {
      await a.reply('priya', 'skills need', { skill: 'bookkeeping' });
      const anchor = await a.reply('priya', 'skills match');
      const result = await h.bed.driver.rawComponent({ guildId: a.id, channelId: anchor.channelId, userId: a.members.priya, messageId: anchor.id, customId: `v1:skills:intro:${a.members.marcus}` });
      return visibleText(await result.reply());
    },
    done: async (h, a) => eventually(() => {
      const dm = h.bed.dmChannel(a.members.marcus);
      return !!dm && h.bed.messages(dm.id).some((m) => m.fromBot);
    }),
  },
  {
    name: 'privacy export',
    run: async (_h, a) => {
      const reply = await a.reply('marcus', 'privacy export');
      return `${visibleText(reply)}${reply.attachments.length ? '\n[file]' : ''}`;
    },
    done: async () => true,
  },
];

/** Row counts of every table: "nothing stored half" compares them around a refused step. */
/**
 * Rows per table, to prove an action stored nothing. member_languages is left out: the router keeps a member's
 * language after any answered interaction, just after the answer (test/e2e/languages-dms.test.ts proves a refused
 * one keeps none), so it would make "nothing stored" depend on which earlier answer finished last.
 */
export function rowCounts(h: Harness): Record<string, number> {
  const sqlite = h.bot.database.sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name <> 'member_languages'").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}
