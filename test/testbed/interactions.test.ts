// Slash commands, components and modals through the real discord.js client, with Discord's timing rules.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, DiscordAPIError, MessageFlags, ModalBuilder, TextInputBuilder, TextInputStyle, type GuildMember, type Interaction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DriverRefusedError } from '../../src/testbed/index.js';
import { startRig, until, type Rig } from './support.js';

const COMMANDS = [
  {
    name: 'vote', description: 'Vote on things',
    options: [
      { type: 1, name: 'cast', description: 'Cast a vote', options: [
        { type: 3, name: 'choice', description: 'Your choice', required: true, choices: [{ name: 'Yes', value: 'yes' }, { name: 'No', value: 'no' }] },
        { type: 4, name: 'weight', description: 'Weight', min_value: 1, max_value: 3 },
      ] },
      { type: 1, name: 'find', description: 'Find one', options: [{ type: 3, name: 'query', description: 'What', autocomplete: true }] },
    ],
  },
  { name: 'admin', description: 'Admins only', default_member_permissions: '32' },
  { name: 'slow', description: 'Never answers in time' },
];

describe('interactions', () => {
  let rig: Rig;
  let handler: (i: Interaction) => Promise<void>;
  beforeEach(async () => {
    rig = await startRig();
    await rig.client.application!.commands.set(COMMANDS, rig.guild.id);
    handler = async () => undefined;
    rig.client.on('interactionCreate', (i) => void handler(i).catch((e: unknown) => console.error('handler failed', e)));
  });
  afterEach(() => rig.stop());
  const actor = () => ({ guildId: rig.guild.id, channelId: rig.guild.channel('general'), userId: rig.guild.addMember({ username: 'ann' }) });

  it('rejects an invalid command name with 50035 and the error tree', async () => {
    const error = await rig.client.application!.commands.set([{ name: 'Bad Name', description: 'x' }], rig.guild.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({ errors: { '0': { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } } });
    expect(rig.bed.commands(rig.guild.id).map((c) => c.name)).toEqual(['vote', 'admin', 'slow']);
  });

  it('round-trips reply, deferReply + editReply, followUp and ephemeral replies', async () => {
    const a = actor();
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      expect(i.options.getSubcommand()).toBe('cast');
      const choice = i.options.getString('choice', true);
      if (choice === 'yes') {
        await i.reply({ content: `you said ${choice}`, flags: MessageFlags.Ephemeral });
        return;
      }
      await i.deferReply();
      await i.editReply('thought about it');
      await i.followUp('and one more thing');
    };
    const quick = await rig.bed.driver.command({ ...a, name: 'vote', subcommand: 'cast', options: { choice: 'yes', weight: 2 } });
    expect(quick.type).toBe(4);
    expect(quick.ephemeral).toBe(true);
    const reply = await quick.reply();
    expect(reply).toMatchObject({ content: 'you said yes', ephemeral: true, visibleTo: a.userId, fromBot: true });
    const slow = await rig.bed.driver.command({ ...a, name: 'vote', subcommand: 'cast', options: { choice: 'no' } });
    expect(slow.type).toBe(5);
    expect((await slow.reply()).content).toBe('thought about it');
    await rig.bed.waitForMessage((m) => m.content === 'and one more thing');
    expect(slow.followups().map((m) => m.content)).toEqual(['and one more thing']);
  });

  it('turns the first follow-up after a deferral into the thinking message', async () => {
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.followUp('done');
    };
    const result = await rig.bed.driver.command({ ...actor(), name: 'vote', subcommand: 'cast', options: { choice: 'no' } });
    const reply = await result.reply();
    expect(reply.content).toBe('done');
    expect(result.followups().map((m) => m.id)).toEqual([reply.id]);
  });

  it('answers 10062 after the 3 s deadline and 40060 on a second reply, as DiscordAPIErrors', async () => {
    const errors: unknown[] = [];
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      if (i.commandName === 'slow') {
        await new Promise((r) => setTimeout(r, 3100));
        await i.reply('too late').catch((e: unknown) => errors.push(e));
        return;
      }
      await i.reply('first');
      await rig.client.rest.post(`/interactions/${i.id}/${i.token}/callback`, { body: { type: 4, data: { content: 'again' } }, auth: false })
        .catch((e: unknown) => errors.push(e));
    };
    await rig.bed.driver.command({ ...actor(), name: 'vote', subcommand: 'cast', options: { choice: 'no' } });
    await until(() => errors.length > 0);
    await expect(rig.bed.driver.command({ ...actor(), name: 'slow' })).rejects.toThrow(/within 3000 ms/);
    await new Promise((r) => setTimeout(r, 300));
    expect(errors.map((e) => (e as DiscordAPIError).code).sort()).toEqual([10062, 40060]);
  });

  it('refuses, like the Discord client, hidden commands and options that break the definition', async () => {
    const a = actor();
    expect(() => rig.bed.driver.command({ ...a, name: 'admin' })).toThrow(DriverRefusedError);
    expect(() => rig.bed.driver.command({ ...a, name: 'vote', subcommand: 'cast', options: { choice: 'maybe' } })).toThrow(/must be one of/);
    expect(() => rig.bed.driver.command({ ...a, name: 'vote', subcommand: 'cast', options: { choice: 'yes', weight: 9 } })).toThrow(/above 3/);
    expect(() => rig.bed.driver.command({ ...a, name: 'vote', subcommand: 'cast', options: {} })).toThrow(/required option "choice"/);
    handler = async (i) => void (i.isChatInputCommand() && (await i.reply('forced')));
    const forced = await rig.bed.driver.command({ ...a, name: 'admin', force: true });
    expect(forced.type).toBe(4);
    const owner = await rig.bed.driver.command({ ...a, userId: rig.guild.ownerId, name: 'admin' });
    expect((await owner.reply()).content).toBe('forced');
  });

  it('serves autocomplete and refuses more than 25 choices', async () => {
    handler = async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = i.options.getFocused();
      if (typed === 'many') {
        await i.respond(Array.from({ length: 26 }, (_, n) => ({ name: `n${n}`, value: `v${n}` }))).catch(async () => i.respond([{ name: 'fallback', value: 'f' }]));
        return;
      }
      await i.respond([{ name: `${typed}-1`, value: `${typed}-1` }]);
    };
    const a = actor();
    expect(await rig.bed.driver.autocomplete({ ...a, name: 'vote', subcommand: 'find', focused: 'query', options: { query: 'ab' } })).toEqual([{ name: 'ab-1', value: 'ab-1' }]);
    expect(await rig.bed.driver.autocomplete({ ...a, name: 'vote', subcommand: 'find', focused: 'query', options: { query: 'many' } })).toEqual([{ name: 'fallback', value: 'f' }]);
  });

  it('round-trips a button, a modal and the update of the message', async () => {
    const a = actor();
    handler = async (i) => {
      if (i.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('propose').setLabel('Propose').setStyle(ButtonStyle.Primary));
        await i.reply({ content: 'Ready?', components: [row] });
      } else if (i.isButton()) {
        const modal = new ModalBuilder().setCustomId('proposal').setTitle('New proposal').addComponents(
          new ActionRowBuilder<TextInputBuilder>().addComponents(new TextInputBuilder().setCustomId('title').setLabel('Title').setStyle(TextInputStyle.Short).setMaxLength(50)),
        );
        await i.showModal(modal);
      } else if (i.isModalSubmit() && i.isFromMessage()) {
        await i.update({ content: `Proposed: ${i.fields.getTextInputValue('title')}`, components: [] });
      }
    };
    const start = await rig.bed.driver.command({ ...a, name: 'vote', subcommand: 'cast', options: { choice: 'no' } });
    const message = await start.reply();
    const clicked = await rig.bed.driver.click({ ...a, messageId: message.id, label: 'Propose' });
    expect(clicked.type).toBe(9);
    expect(clicked.modal).toMatchObject({ customId: 'proposal', title: 'New proposal', fields: [{ customId: 'title', maxLength: 50 }] });
    expect(() => rig.bed.driver.submitModal({ ...a, modal: clicked.modal!, values: { title: 'x'.repeat(51) }, messageId: message.id })).toThrow(DriverRefusedError);
    const submitted = await rig.bed.driver.submitModal({ ...a, modal: clicked.modal!, values: { title: 'Picnic' }, messageId: message.id });
    expect(submitted.type).toBe(7);
    expect(await submitted.updated()).toMatchObject({ id: message.id, content: 'Proposed: Picnic', components: [] });
  });

  it('answers with_response, refuses DM use of a guild-only command, and validates components v2', async () => {
    const a = actor();
    let response: unknown;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      const v2 = await rig.client.rest.post(`/interactions/${i.id}/${i.token}/callback`, {
        body: { type: 4, data: { flags: 1 << 15, content: 'not allowed with v2', components: [{ type: 10, content: 'hi' }] } }, auth: false,
      }).catch((e: DiscordAPIError) => e.rawError);
      expect(v2).toMatchObject({ code: 50035, errors: { data: { content: { _errors: [{}] } } } });
      response = await i.reply({ flags: MessageFlags.IsComponentsV2, components: [{ type: 17, components: [{ type: 10, content: 'inside' }] }], withResponse: true });
    };
    await rig.bed.driver.command({ ...a, name: 'slow' });
    await until(() => response !== undefined);
    expect((response as { resource: { message: { id: string } } }).resource.message.id).toBeTruthy();
    expect(() => rig.bed.driver.command({ ...a, dm: true, name: 'slow' })).toThrow(/registered globally/);
    await rig.client.application!.commands.set([
      { name: 'servers', description: 'Servers only', contexts: [0] },
      { name: 'anywhere', description: 'Servers and DMs', contexts: [0, 1] },
    ]);
    expect(() => rig.bed.driver.command({ ...a, dm: true, name: 'servers' })).toThrow(/not available in DMs/);
    let dmUser: string | null = null;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      dmUser = i.inGuild() ? 'guild' : i.user.id;
      await i.reply('hi in DM');
    };
    const dm = await rig.bed.driver.command({ ...a, dm: true, name: 'anywhere' });
    expect(dmUser).toBe(a.userId);
    expect((await dm.reply()).channelId).toBe(rig.bed.dmChannel(a.userId)?.id);
  });

  it('sends USER, CHANNEL, ROLE and ATTACHMENT options with resolved objects discord.js can read', async () => {
    await rig.client.application!.commands.set([{
      name: 'report', description: 'Report', options: [
        { type: 6, name: 'who', description: 'w', required: true }, { type: 7, name: 'where', description: 'c', channel_types: [0] },
        { type: 8, name: 'team', description: 'r' }, { type: 11, name: 'file', description: 'f' },
      ],
    }], rig.guild.id);
    const a = actor();
    const other = rig.guild.addMember({ username: 'gus', roles: ['Coordinator'] });
    let seen: unknown;
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      const file = i.options.getAttachment('file', true);
      seen = {
        user: i.options.getUser('who', true).username, memberHasRole: (i.options.getMember('who') as GuildMember).roles.cache.has(rig.guild.role('Coordinator')),
        channel: i.options.getChannel('where', true).id, role: i.options.getRole('team', true).name, file: [file.name, await (await fetch(file.url)).text()],
        perms: i.memberPermissions?.has('SendMessages'), app: i.appPermissions.has('ManageMessages'),
      };
      await i.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    };
    const announcements = rig.guild.channel('announcements');
    expect(() => rig.bed.driver.command({ ...a, name: 'report', options: { who: other, where: announcements } })).toThrow(/channel type 5 not allowed/);
    await rig.bed.driver.command({ ...a, name: 'report', options: {
      who: other, where: rig.guild.channel('general'), team: rig.guild.role('Coordinator'), file: { filename: 'notes.txt', content: 'hello' },
    } });
    expect(seen).toEqual({ user: 'gus', memberHasRole: true, channel: rig.guild.channel('general'), role: 'Coordinator', file: ['notes.txt', 'hello'], perms: true, app: true });
    const callback = rig.bed.requests.find((r) => r.route === '/interactions/:id/:token/callback');
    expect(callback?.status).toBe(204);
  });
});
