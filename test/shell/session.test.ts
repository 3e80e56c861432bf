// The session's conversation rules (pick after ?, forms, buttons by label, who sees what) against a small scripted
// stand-in for the test bed, so they hold whatever commands the real bot has today.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/shell/session.js';
import type { GuildHandle, InteractionResult, MessageView, TestBed } from '../../src/testbed/types.js';

const ids = {
  guild: '400000000000000001',
  everyone: '400000000000000001',
  bot: '500000000000000001',
  organizers: '300000000000000001',
  channels: { general: '200000000000000001', announcements: '200000000000000002', organizers: '200000000000000003', proposals: '200000000000000004', meetings: '200000000000000005', 'Coworking call': '200000000000000006' } as Record<string, string>,
  members: { olivia: '100000000000000001', marcus: '100000000000000002', priya: '100000000000000003', sam: '100000000000000004', lee: '100000000000000005' } as Record<string, string>,
};

const registered = [
  { name: 'alliance', description: 'a', options: [{ type: 1, name: 'setup', description: 's', options: [{ type: 3, name: 'timezone', description: 't', required: true, autocomplete: true }] }] },
  { name: 'proposal', description: 'p', description_localizations: { 'es-ES': 'propuestas' }, options: [{ type: 1, name: 'new', description: 'n', description_localizations: { 'es-ES': 'nueva' } }] },
  { name: 'slow', description: 's' },
];

function fakeBed() {
  const messages = new Map<string, MessageView[]>();
  const calls: { kind: string; input: Record<string, unknown> }[] = [];
  let next = 1;
  const post = (channelId: string, content: string, extra: Partial<MessageView> = {}): MessageView => {
    const message: MessageView = {
      id: String(900000000000000000n + BigInt(next++)),
      channelId,
      guildId: ids.guild,
      authorId: ids.bot,
      fromBot: true,
      content,
      embeds: [],
      components: [],
      attachments: [],
      flags: extra.ephemeral ? 64 : 0,
      ephemeral: false,
      visibleTo: null,
      reactions: [],
      pings: { everyone: false, here: false, users: [], roles: [] },
      interactionId: null,
      createdAt: Date.now(),
      editedAt: null,
      threadId: null,
      ...extra,
    };
    messages.set(channelId, [...(messages.get(channelId) ?? []), message]);
    return message;
  };
  const result = (type: number, extra: Partial<InteractionResult> & { message?: MessageView } = {}): InteractionResult => ({
    interactionId: 'i1',
    type,
    data: null,
    ephemeral: extra.message?.ephemeral ?? false,
    reply: async () => extra.message ?? Promise.reject(new Error('no reply')),
    followups: () => [],
    modal: extra.modal ?? null,
    choices: null,
    updated: async () => extra.message ?? Promise.reject(new Error('no update')),
  });
  const record = (kind: string, input: object) => calls.push({ kind, input: input as Record<string, unknown> });

  const bed = {
    botUserId: ids.bot,
    requests: [],
    commands: () => registered,
    messages: (channelId: string) => messages.get(channelId) ?? [],
    message: (id: string) => [...messages.values()].flat().find((m) => m.id === id),
    channel: (id: string) => {
      const name = Object.entries(ids.channels).find(([, value]) => value === id)?.[0];
      return name ? { id, guildId: ids.guild, name, type: 0, parentId: null, memberIds: [] } : undefined;
    },
    dmChannel: () => undefined,
    driver: {
      // Like Discord, a capped list filtered by what is typed.
      async autocomplete(input: { options: { timezone: string } }) {
        record('autocomplete', input);
        const zones = ['America/Chicago', 'America/New_York', 'America/Denver'].filter((zone) => zone.includes(input.options.timezone));
        return zones.slice(0, 2).map((zone) => ({ name: zone, value: zone }));
      },
      async command(input: { name: string; userId: string; channelId: string }) {
        record('command', input);
        if (input.name === 'slow') throw new Error('The bot gave no initial response to interaction 1 within 3000 ms (Discord shows "The application did not respond")');
        if (input.name === 'proposal') return result(9, { modal: { customId: 'proposal:new', title: 'New proposal', fields: [{ customId: 'title', label: 'Title', style: 1, required: true }, { customId: 'details', label: 'Details', style: 2, required: false }] } });
        return result(4, { message: post(input.channelId, 'Saved.', { ephemeral: true, visibleTo: input.userId, interactionId: 'i1' }) });
      },
      async submitModal(input: { channelId: string; userId: string; values: Record<string, string> }) {
        record('submitModal', input);
        post(ids.channels.proposals!, `New proposal: ${input.values.title}`, {
          components: [{ type: 1, components: [{ type: 2, style: 3, label: 'Approve', custom_id: 'vote:yes' }, { type: 2, style: 4, label: 'Reject', custom_id: 'vote:no' }] }],
        });
        return result(4, { message: post(input.channelId, 'Proposal posted in #proposals', { ephemeral: true, visibleTo: input.userId, interactionId: 'i1' }) });
      },
      async click(input: { messageId: string; userId: string }) {
        record('click', input);
        const message = bed.message(input.messageId)!;
        Object.assign(message, { content: `${message.content} (1 yes)`, editedAt: Date.now() });
        return result(7, { message });
      },
      async select(input: object) {
        record('select', input);
        return result(6);
      },
      react: (input: object) => record('react', input),
      unreact: (input: object) => record('unreact', input),
    },
  };

  const guild = {
    id: ids.guild,
    ownerId: ids.members.olivia,
    everyoneRoleId: ids.everyone,
    channel: (name: string) => ids.channels[name] ?? fail(`unknown channel ${name}`),
    member: (name: string) => ids.members[name] ?? fail(`unknown member ${name}`),
    role: (name: string) => (name === 'Organizers' ? ids.organizers : fail(`unknown role ${name}`)),
  };
  return { bed: bed as unknown as TestBed, guild: guild as unknown as GuildHandle, calls, post };
}

function fail(message: string): never {
  throw new Error(message);
}

function start() {
  const { bed, guild, calls, post } = fakeBed();
  let output = '';
  const session = createSession({ bed, guild, write: (text) => (output += `${text}\n`) });
  const run = async (line: string) => {
    output = '';
    const outcome = await session.run(line);
    return { outcome, output };
  };
  return { session, run, calls, post };
}

describe('shell session', () => {
  it('locale es-ES makes every interaction carry that language, and help shows the Spanish descriptions', async () => {
    const { run, calls } = start();
    expect((await run('help /proposal')).output).toContain('/proposal new: n');
    expect((await run('locale es-ES')).output).toContain('Your Discord is now in es-ES');
    await run('/alliance setup timezone:UTC');
    expect(calls.at(-1)).toMatchObject({ kind: 'command', input: { locale: 'es-ES' } });
    expect((await run('help /proposal')).output).toContain('/proposal: propuestas\n  /proposal new: nueva');
  });

  it('a trailing ? lists choices, and pick sends the command with the chosen value', async () => {
    const { run, calls } = start();
    const asked = await run('/alliance setup timezone:Amer?');
    expect(asked.output).toContain('1. America/Chicago');
    expect(calls.at(-1)).toMatchObject({ kind: 'autocomplete', input: { name: 'alliance', subcommand: 'setup', focused: 'timezone', options: { timezone: 'Amer' } } });

    const picked = await run('pick 1');
    expect(calls.at(-1)).toMatchObject({ kind: 'command', input: { options: { timezone: 'America/Chicago' }, userId: ids.members.olivia, channelId: ids.channels.general } });
    expect(picked.output).toBe('bot ▸ (only you can see this) Saved.\n');
    expect((await run('pick 1')).output).toMatch(/Nothing to pick from/);
  });

  it('pick accepts a full name beyond the listed choices when autocomplete confirms it', async () => {
    const { run, calls } = start();
    expect((await run('/alliance setup timezone:America?')).output).not.toContain('Denver');
    await run('pick America/Denver');
    expect(calls.at(-1)).toMatchObject({ kind: 'command', input: { options: { timezone: 'America/Denver' } } });
    await run('/alliance setup timezone:America?');
    expect(await run('pick Europe/Paris')).toMatchObject({ outcome: 'usage', output: expect.stringContaining('"Europe/Paris" is not one of the choices') });
  });

  it('a form the bot opens is filled by label or id, and the post it leads to shows with its buttons', async () => {
    const { run, calls } = start();
    expect((await run('/proposal new')).output).toContain('fill it in: modal title=… | details=…');
    const submitted = await run('modal TITLE=Longer hours | Details=Open till 10');
    expect(calls.at(-1)).toMatchObject({ kind: 'submitModal', input: { values: { title: 'Longer hours', details: 'Open till 10' } } });
    expect(submitted.output).toBe('bot ▸ (only you can see this) Proposal posted in #proposals\n#proposals ▸\n  New proposal: Longer hours\n  [Approve] [Reject]\n');
    expect((await run('modal title=again')).outcome).toBe('usage');
  });

  it('another member clicks a button by label, in the channel of the message, and sees the update', async () => {
    const { run, calls } = start();
    await run('/proposal new');
    await run('modal title=Longer hours');
    await run('as marcus');
    const clicked = await run('click approve');
    expect(calls.at(-1)).toMatchObject({ kind: 'click', input: { customId: 'vote:yes', userId: ids.members.marcus, channelId: ids.channels.proposals } });
    expect(clicked.output).toContain('(edited)');
    expect(clicked.output).toContain('New proposal: Longer hours (1 yes)');
    expect((await run('click Abstain')).output).toContain('No button "Abstain" on recent messages. The latest offers [Approve] [Reject]');
  });

  it("another member's ephemeral message is never shown; public posts are", async () => {
    const { run, post } = start();
    post(ids.channels.general!, 'Only for marcus', { ephemeral: true, visibleTo: ids.members.marcus });
    post(ids.channels.announcements!, 'Hello all');
    expect((await run('wait 10ms')).output).toBe('#announcements ▸ Hello all\n');
  });

  it('reacts on the latest bot post of the current channel only', async () => {
    const { run, calls } = start();
    await run('/proposal new');
    await run('modal title=Longer hours');
    expect((await run('react ✅')).outcome).toBe('usage');
    await run('in #proposals');
    await run('react ✅');
    expect(calls.at(-1)).toMatchObject({ kind: 'react', input: { channelId: ids.channels.proposals, emoji: '✅', userId: ids.members.olivia } });
  });

  it('tells apart a bad line, an unknown name and a bot that never answered', async () => {
    const { run, session } = start();
    expect(await run('hello')).toMatchObject({ outcome: 'syntax' });
    expect(await run('as nobody')).toMatchObject({ outcome: 'usage', output: expect.stringContaining('No member named @nobody') });
    expect(await run('in #nowhere')).toMatchObject({ outcome: 'usage' });
    const slow = await run('/slow');
    expect(slow.outcome).toBe('no-answer');
    expect(slow.output).toMatch(/^✗ The bot gave no initial response/);
    expect(await run('in #"Coworking call"')).toMatchObject({ outcome: 'ok' });
    expect(session.prompt()).toBe('olivia #Coworking call> ');
  });
});
