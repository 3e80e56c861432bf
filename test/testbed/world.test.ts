// Threads, scheduled events, members and the world builders, through discord.js.
import { ChannelType, DiscordAPIError, GuildScheduledEventEntityType, GuildScheduledEventPrivacyLevel, GuildScheduledEventStatus, ThreadAutoArchiveDuration, type TextChannel } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBed } from '../../src/testbed/index.js';
import { nextEvent, startRig, type Rig } from './support.js';

describe('world', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(() => rig.stop());
  const code = async (p: Promise<unknown>): Promise<[number, unknown]> => {
    const e = await p.then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(DiscordAPIError);
    return [(e as DiscordAPIError).code as number, (e as DiscordAPIError).rawError];
  };

  it('creates threads by Discord rules: id of the message, private by default, none private in announcements', async () => {
    const general = (await rig.client.channels.fetch(rig.guild.channel('general'))) as TextChannel;
    const msg = await general.send('start here');
    const thread = await msg.startThread({ name: 'discussion', autoArchiveDuration: ThreadAutoArchiveDuration.OneHour });
    expect(thread.id).toBe(msg.id);
    expect(thread.type).toBe(ChannelType.PublicThread);
    expect((await code(msg.startThread({ name: 'again' })))[0]).toBe(160004);
    const priv = await rig.client.rest.post(`/channels/${general.id}/threads`, { body: { name: 'secret' } }) as { type: number };
    expect(priv.type).toBe(12);
    const ann = rig.guild.channel('announcements');
    const [c1, tree] = await code(rig.client.rest.post(`/channels/${ann}/threads`, { body: { name: 'nope', type: 12 } }));
    expect(c1).toBe(50035);
    expect(tree).toMatchObject({ errors: { type: { _errors: [{}] } } });
    const [c2, tree2] = await code(thread.setAutoArchiveDuration(30 as ThreadAutoArchiveDuration));
    expect(c2).toBe(50035);
    expect(tree2).toMatchObject({ errors: { auto_archive_duration: { _errors: [{ code: 'BASE_TYPE_CHOICES' }] } } });
    const member = rig.guild.addMember({ username: 'dee' });
    await thread.members.add(member);
    expect(rig.bed.channel(thread.id)?.memberIds).toContain(member);
    await thread.setArchived(true);
    expect(rig.bed.channel(thread.id)?.archived).toBe(true);
    await thread.send('wakes it up');
    expect(rig.bed.channel(thread.id)?.archived).toBe(false);
  });

  it('validates scheduled events and their status transitions, and dispatches them', async () => {
    const guild = rig.client.guilds.cache.get(rig.guild.id)!;
    const soon = Date.now() + 3_600_000;
    const base = { name: 'Meetup', privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly, scheduledStartTime: soon };
    const [c1, t1] = await code(guild.scheduledEvents.create({ ...base, entityType: GuildScheduledEventEntityType.External, entityMetadata: { location: 'Park' } }));
    expect([c1, t1]).toMatchObject([50035, { errors: { scheduled_end_time: { _errors: [{ code: 'BASE_TYPE_REQUIRED' }] } } }]);
    const [, t2] = await code(guild.scheduledEvents.create({ ...base, scheduledStartTime: Date.now() - 1000, scheduledEndTime: soon, entityType: GuildScheduledEventEntityType.External, entityMetadata: { location: 'Park' } }));
    expect(t2).toMatchObject({ errors: { scheduled_start_time: { _errors: [{}] } } });
    const [, t3] = await code(guild.scheduledEvents.create({ ...base, entityType: GuildScheduledEventEntityType.Voice, channel: rig.guild.channel('general') }));
    expect(t3).toMatchObject({ errors: { channel_id: { _errors: [{}] } } });
    const created = nextEvent(rig.client, 'guildScheduledEventCreate');
    const event = await guild.scheduledEvents.create({ ...base, scheduledEndTime: soon + 3_600_000, entityType: GuildScheduledEventEntityType.External, entityMetadata: { location: 'Park' } });
    await created;
    expect(rig.bed.scheduledEvents(guild.id)).toMatchObject([{ name: 'Meetup', location: 'Park', status: 1 }]);
    const [c4] = await code(event.setStatus(GuildScheduledEventStatus.Completed));
    expect(c4).toBe(50035);
    await event.setStatus(GuildScheduledEventStatus.Active);
    await event.setStatus(GuildScheduledEventStatus.Completed);
    expect(rig.bed.scheduledEvents(guild.id)[0]?.status).toBe(3);
  });

  it('judges "in the past" by the clock it is given, so a test with a fake date does not expire as real days pass', async () => {
    await rig.stop();
    const fakeNow = Date.parse('2020-03-01T12:00:00Z');
    rig = await startRig({ now: () => fakeNow });
    const guild = rig.client.guilds.cache.get(rig.guild.id)!;
    const external = { name: 'Meetup', privacyLevel: GuildScheduledEventPrivacyLevel.GuildOnly, entityType: GuildScheduledEventEntityType.External, entityMetadata: { location: 'Park' } };
    const [, past] = await code(guild.scheduledEvents.create({ ...external, scheduledStartTime: fakeNow - 60_000, scheduledEndTime: fakeNow + 60_000 }));
    expect(past).toMatchObject({ errors: { scheduled_start_time: { _errors: [{ code: 'GUILD_SCHEDULED_EVENT_SCHEDULE_PAST' }] } } });
    await guild.scheduledEvents.create({ ...external, scheduledStartTime: fakeNow + 86_400_000, scheduledEndTime: fakeNow + 90_000_000 });
    expect(rig.bed.scheduledEvents(guild.id)).toHaveLength(1);
  });

  it('dispatches member changes and fetches members', async () => {
    const guild = rig.client.guilds.cache.get(rig.guild.id)!;
    const joined = nextEvent<[{ id: string }]>(rig.client, 'guildMemberAdd');
    const id = rig.guild.addMember({ username: 'eve', roles: ['Coordinator'] });
    expect((await joined)[0].id).toBe(id);
    expect(guild.members.cache.get(id)?.roles.cache.has(rig.guild.role('Coordinator'))).toBe(true);
    const fetched = await guild.members.fetch({ user: id, force: true });
    expect(fetched.user.username).toBe('eve');
    const left = nextEvent(rig.client, 'guildMemberRemove');
    rig.guild.removeMember(id);
    await left;
    expect((await code(guild.members.fetch({ user: id, force: true })))[0]).toBe(10007);
  });

  it('builds a 10,000-member guild quickly', async () => {
    const bed = await startTestBed();
    const g = bed.createGuild({ name: 'Huge' });
    const started = performance.now();
    const ids = g.addManyMembers(10_000);
    expect(performance.now() - started).toBeLessThan(500);
    expect(ids).toHaveLength(10_000);
    expect(g.member('member-10000')).toBe(ids[9999]);
    await bed.close();
  });
});
