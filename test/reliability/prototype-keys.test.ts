// Option values that are names of Object.prototype members ("constructor", "__proto__", "toString"): discord.js
// looks every option value up in the interaction's resolved maps, so a plain object would hand it a function and
// cache a member without an id. Such a skill must be an ordinary skill, and later commands must keep working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('option values named like Object.prototype members', () => {
  it('thanks "for constructor" then the participation report still works and no member without an id is cached', async () => {
    const a = await h.newAlliance();
    await a.setup();
    for (const skill of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const thanked = await a.reply('olivia', 'skills thanks', { user: a.members.marcus, skill });
      expect(thanked.content).toMatch(/thanked/);
    }
    const cached = [...h.bot.ctx.client.guilds.cache.get(a.id)!.members.cache.keys()];
    expect(cached.filter((id) => typeof id !== 'string')).toEqual([]);
    const report = await a.reply('olivia', 'participation report');
    expect(visibleText(report)).not.toMatch(/Something went wrong/);
  });
});
