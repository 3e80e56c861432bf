import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { helpLines, renderHelp } from '../../src/discord/help/render.js';
import { catalogues } from '../../src/i18n/catalogues.js';
import { LANGUAGES } from '../../src/shared/languages.js';

describe('/help rendering', () => {
  it('lists every runnable command path with its description, marking organizer-only ones', () => {
    const lines = commands.flatMap(helpLines);
    expect(lines.map((l) => l.usage)).toEqual(expect.arrayContaining(['/help', '/alliance setup', '/alliance show']));
    expect(lines.find((l) => l.usage === '/alliance setup')?.organizersOnly).toBe(true);
    expect(lines.find((l) => l.usage === '/help')?.organizersOnly).toBe(false);
  });

  it('every line has its description in every language, the same one Discord shows for the command', () => {
    const lines = commands.flatMap(helpLines);
    for (const language of LANGUAGES) expect(lines.filter((l) => catalogues[language][l.key] === undefined).map((l) => l.usage), language).toEqual([]);
    expect(lines.filter((l) => catalogues.en[l.key] !== l.description).map((l) => l.usage)).toEqual([]);
  });

  it.each(LANGUAGES)('in %s, each help message stays within Discord\'s embed limits', (language) => {
    for (const embed of renderHelp(language, commands)) {
      const json = embed.toJSON();
      const fields = json.fields ?? [];
      expect(fields.length).toBeLessThanOrEqual(25);
      const total = (json.title ?? '').length + (json.description ?? '').length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
      expect(total).toBeLessThanOrEqual(6000);
      for (const field of fields) expect(field.value.length).toBeLessThanOrEqual(1024);
    }
  });
});
