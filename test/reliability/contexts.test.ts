// Interactions from where the bot cannot act: every command path sent from a DM (forced past the guild-only
// context) gets the plain "run this in the alliance's server" answer, and autocomplete in a DM answers nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT } from '../../src/discord/router.js';
import { startHarness, type Alliance, type Harness } from '../support/bot.js';
import { benignOptions, commandPaths } from './support/definitions.js';

let h: Harness;
let a: Alliance;
beforeAll(async () => {
  h = await startHarness();
  a = await h.newAlliance();
});
afterAll(async () => {
  await h?.stop();
});

describe('guild-only commands from a DM', () => {
  it('every command path answers privately that it works in the server', async () => {
    const paths = commandPaths(h.bed.commands(a.id).length ? h.bed.commands(a.id) : h.bed.commands());
    const wrong: string[] = [];
    for (const path of paths) {
      const options = benignOptions(path, { userId: a.members.priya, channelId: a.channel('general'), roleId: a.guild.role('Organizers') });
      const result = await h.bed.driver.command({
        channelId: a.channel('general'), userId: a.members.marcus, dm: true, force: true, name: path.name,
        ...(path.group ? { group: path.group } : {}), ...(path.subcommand ? { subcommand: path.subcommand } : {}), options,
      });
      const reply = await result.reply();
      if (reply.content !== TEXT.dm || !reply.ephemeral) wrong.push(`${path.label}: ${reply.content.slice(0, 100)}`);
    }
    console.log(`contexts: ${paths.length} command paths from a DM answered with the guild-only text`);
    expect(wrong).toEqual([]);
  }, 60_000);
});
