// Issue #19 through the test bed: commands registered with Spanish and French descriptions, and the alliance's
// language (/alliance setup language) defaulting to the server's locale and shown in /alliance show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, visibleText, type Harness } from '../support/bot.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

type Entry = { name: string; description: string; description_localizations?: Record<string, string>; options?: Entry[]; choices?: { value: string; name_localizations?: Record<string, string> }[] };
const registered = (name: string): Entry => h.bed.commands().find((c) => c['name'] === name) as unknown as Entry;
const option = (entry: Entry, ...path: string[]): Entry => path.reduce((at, name) => at.options!.find((o) => o.name === name)!, entry);
const languageField = (text: string) => /Language\n(.*)/.exec(text)?.[1];

describe('commands in three languages', () => {
  it('registration carries Spanish (es-ES, es-419) and French descriptions, and translated choice names', () => {
    const proposal = registered('proposal');
    expect(Object.keys(proposal.description_localizations ?? {}).sort()).toEqual(['es-419', 'es-ES', 'fr']);
    expect(proposal.description_localizations?.['fr']).toBe('Propositions et votes');
    const closes = option(proposal, 'create', 'closes');
    expect(closes.description_localizations?.['es-ES']).toMatch(/^Cuándo cierra la votación/);
    expect(closes.description_localizations?.['es-419']).toBe(closes.description_localizations?.['es-ES']);
    const choice = option(proposal, 'vote', 'choice').choices!.find((c) => c.value === 'abstain')!;
    expect(choice.name_localizations).toEqual({ 'es-ES': 'me abstengo', 'es-419': 'me abstengo', fr: 'abstention' });
  });

  it('every registered command carries its translations, as the test bed accepted them', () => {
    for (const command of h.bed.commands()) expect(Object.keys((command as unknown as Entry).description_localizations ?? {}), String(command['name'])).toHaveLength(3);
  });
});

describe('the alliance\'s language', () => {
  it('follows a French server until organizers choose, then stays what they chose', async () => {
    const a = await h.newAlliance(undefined, { locale: 'fr' });
    expect(languageField(visibleText(await a.setup({ timezone: 'America/Toronto' })))).toBe('French, the server’s language (choose with /alliance setup language)');
    expect(h.bot.services.alliances.settings(a.id).language).toBeNull();

    const saved = await a.reply('olivia', 'alliance setup', { language: 'es' });
    expect(saved.ephemeral).toBe(true);
    expect(saved.content).toContain('✅ Saved: language.');
    expect(h.bot.services.alliances.settings(a.id).language).toBe('es');
    expect(languageField(visibleText(await a.reply('olivia', 'alliance show')))).toBe('Spanish');
  });

  it('is English on a server whose language the bot does not speak', async () => {
    const a = await h.newAlliance(undefined, { locale: 'de' });
    expect(languageField(visibleText(await a.reply('olivia', 'alliance show')))).toBe('English, the server’s language (choose with /alliance setup language)');
  });

  it('a language that is not offered is refused by name, and nothing is stored', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const refused = await a.reply('olivia', 'alliance setup', { language: 'de', timezone: 'Europe/Paris' }, { force: true });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toBe('⚠️ **language** must be one of en, es, fr.');
    expect(refused.pings).toEqual({ everyone: false, here: false, users: [], roles: [] });
    const settings = h.bot.services.alliances.settings(a.id);
    expect([settings.language, settings.timezone]).toEqual([null, 'UTC']);
  });

  it('a refusal reaches a Spanish or French member in their own language', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const spanish = await a.reply('olivia', 'alliance setup', { language: 'de' }, { force: true, locale: 'es-419' });
    expect(spanish.content).toBe('⚠️ **language** debe ser una de estas opciones: en, es, fr.');
    const french = await a.reply('olivia', 'alliance setup', { language: 'de' }, { force: true, locale: 'fr' });
    expect(french.content).toBe('⚠️ **language** doit être l’une de ces valeurs : en, es, fr.');
    const german = await a.reply('olivia', 'alliance setup', { language: 'de' }, { force: true, locale: 'de' });
    expect(german.content).toBe('⚠️ **language** must be one of en, es, fr.');
  });

  it('an organizer-only command refused to a French member says so in French, to an English member in English', async () => {
    const a = await h.newAlliance();
    await a.setup();
    const french = await a.reply('sam', 'alliance show', undefined, { locale: 'fr', force: true });
    expect(french.ephemeral).toBe(true);
    expect(french.content).toBe('🚫 Seule l’équipe organisatrice peut faire cela (Gérer le serveur, ou le rôle d’organisation de l’alliance).');
    const english = await a.reply('sam', 'alliance show', undefined, { force: true });
    expect(english.content).toBe('🚫 Only organizers can do that (Manage Server, or the alliance\'s organizer role).');
  });

  it('is shown in the setup guide', async () => {
    const a = await h.newAlliance();
    const guide = visibleText(await a.reply('olivia', 'alliance setup'));
    expect(guide).toContain('**language**: The language of public posts');
  });
});
