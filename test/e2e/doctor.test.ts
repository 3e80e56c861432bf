// /alliance doctor: organizers see, privately, each problem in their alliance with its fix in one sentence.
import { Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { registerCommands, registrationBody } from '../../src/discord/registration.js';
import { startHarness, visibleText, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

async function doctor(alliance: Awaited<ReturnType<Harness['newAlliance']>>, member = 'olivia', locale?: string) {
  // force: a member's client hides the command (default_member_permissions); a modified one can still send it.
  const result = await alliance.run(member, 'alliance doctor', {}, { force: true, ...(locale ? { locale } : {}) });
  const message = await result.reply();
  return { text: visibleText(message), ephemeral: result.ephemeral };
}

describe('/alliance doctor', () => {
  it('finds nothing wrong in a freshly set-up alliance, and answers only the organizer', async () => {
    const alliance = await h.newAlliance();
    await alliance.setup();
    const { text, ephemeral } = await doctor(alliance);
    expect(ephemeral).toBe(true);
    expect(text).toContain('Alliance bot doctor');
    expect(text).not.toContain(alliance.guild.id);
    // The only problem is the operator's: the harness runs without BACKUP_DIR.
    expect(text).toContain('Scheduled backups are off.');
    expect(text).toContain('Set BACKUP_DIR in .env');
    expect(text).not.toMatch(/channel|organizer role|missing/i);
  });

  it('names a permission the bot lacks in the proposals channel, with where to give it', async () => {
    const alliance = await h.newAlliance();
    await alliance.setup();
    alliance.guild.denyBot(alliance.channel('proposals'), ['ManageMessages', 'AddReactions']);
    const { text } = await doctor(alliance);
    expect(text).toContain('In #proposals (the proposals channel) I am missing Add Reactions and Manage Messages.');
    expect(text).toContain('Edit #proposals → Permissions and allow Add Reactions and Manage Messages for my role.');
  });

  it('speaks the organizer\'s language: Spanish and French problems and fixes, English for the others', async () => {
    const alliance = await h.newAlliance();
    await alliance.setup();
    alliance.guild.denyBot(alliance.channel('proposals'), ['ManageMessages', 'AddReactions']);
    const spanish = await doctor(alliance, 'olivia', 'es-419');
    expect(spanish.ephemeral).toBe(true);
    expect(spanish.text).toContain('Diagnóstico de Alliance bot');
    expect(spanish.text).toContain('En #proposals (el canal de propuestas) me falta Add Reactions y Manage Messages.');
    expect(spanish.text).toContain('Las copias de seguridad programadas están desactivadas.');
    const french = await doctor(alliance, 'olivia', 'fr');
    expect(french.text).toContain('Dans #proposals (le salon des propositions), il me manque Add Reactions et Manage Messages.');
    expect(french.text).toContain('problèmes trouvés');
    expect((await doctor(alliance)).text).toContain('In #proposals (the proposals channel) I am missing Add Reactions and Manage Messages.');
  });

  it('reports a deleted channel with the setup option that replaces it', async () => {
    const alliance = await h.newAlliance();
    await alliance.setup();
    alliance.guild.deleteChannel(alliance.channel('meetings'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { text } = await doctor(alliance);
    expect(text).toContain('The meetings channel set in /alliance setup no longer exists (or I cannot see it).');
    expect(text).toContain('Pick a channel with `/alliance setup meetings-channel:`');
  });

  it('reports a deleted organizer role with the setup option that replaces it', async () => {
    const alliance = await h.newAlliance();
    await alliance.setup();
    alliance.guild.deleteRole(alliance.guild.role('Organizers'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { text } = await doctor(alliance);
    expect(text).toContain('The organizer role set in /alliance setup no longer exists.');
    expect(text).toContain('Pick a role with `/alliance setup organizer-role:`.');
  });

  it('reports a missing announcements channel and a scheduled post that keeps failing', async () => {
    const alliance = await h.newAlliance();
    h.bot.services.jobs.schedule({ guildId: alliance.id, key: `doctor-test:${alliance.id}`, kind: 'rhythm.monthly', dueAt: 0 });
    const job = h.bot.services.jobs.byKey(`doctor-test:${alliance.id}`)!;
    for (let attempt = 0; attempt < 2; attempt++) {
      h.bot.services.jobs.claim(job.id);
      h.bot.services.jobs.retryLater(job.id, Date.parse('2099-01-01'), 'Missing Permissions');
    }
    const { text } = await doctor(alliance);
    expect(text).toContain('No announcements channel is set.');
    expect(text).toMatch(/A monthly update or Coworking Day post has failed 2 times and is being retried \(last error: Missing Permissions\)\./);
  });

  it('compares the commands registered with Discord against the code, both ways', async () => {
    const alliance = await h.newAlliance();
    await alliance.setup();
    const rest = h.bot.ctx.client.rest;
    const appId = h.bed.applicationId;
    const registered = (await rest.get(Routes.applicationCommands(appId))) as { id: string; name: string }[];
    const space = registered.find((command) => command.name === 'space')!;
    await rest.delete(Routes.applicationCommand(appId, space.id));
    await rest.post(Routes.applicationCommands(appId), { body: { name: 'oldthing', description: 'From an older version' } });
    try {
      const { text } = await doctor(alliance);
      expect(text).toContain('1 command is not registered with Discord: /space.');
      expect(text).toContain('Discord still lists 1 command this version does not have: /oldthing.');
      expect(text).toContain('Run `npm run deploy-commands`');
    } finally {
      await registerCommands(rest, appId, undefined, registrationBody(commands));
    }
  });

  it('is refused to a member who is not an organizer, even from a modified client', async () => {
    const alliance = await h.newAlliance();
    await alliance.setup();
    const { text, ephemeral } = await doctor(alliance, 'marcus');
    expect(ephemeral).toBe(true);
    expect(text).toContain('Only organizers');
    expect(text).not.toContain('doctor');
  });
});
