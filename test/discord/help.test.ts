import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createHelpPages, helpLines, renderHelp } from '../../src/discord/help/render.js';
import { catalogues } from '../../src/i18n/catalogues.js';
import { t } from '../../src/i18n/translate.js';
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

  it.each(LANGUAGES)('in %s, each help page stays within Discord\'s embed limits, its footer counted', (language) => {
    const pages = renderHelp(language, commands);
    for (const [i, json] of pages.entries()) {
      const fields = json.fields ?? [];
      expect(fields.length).toBeLessThanOrEqual(25);
      const total = (json.title ?? '').length + (json.description ?? '').length + (json.footer?.text ?? '').length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
      expect(total).toBeLessThanOrEqual(6000);
      expect((json.title ?? '').length).toBeLessThanOrEqual(256);
      for (const field of fields) expect(field.value.length).toBeLessThanOrEqual(1024);
      if (pages.length > 1) expect(json.footer?.text).toBe(t(language, 'help.page', { page: i + 1, pages: pages.length }));
    }
  });

  it.each(LANGUAGES)('in %s, the pages together list every command path once, and only the last page has Next disabled', (language) => {
    const page = createHelpPages(() => commands);
    const first = page(language, 0);
    const count = Number(/\d+$/.exec(first.embeds[0]!.footer?.text ?? '1')?.[0] ?? 1);
    const messages = Array.from({ length: count }, (_, i) => page(language, i));
    const text = messages.map((m) => m.embeds.map((e) => (e.fields ?? []).map((f) => f.value).join('\n')).join('\n')).join('\n');
    for (const line of commands.flatMap(helpLines)) expect(text.split(`\`${line.usage}\` `).length - 1, line.usage).toBe(1);
    for (const [i, message] of messages.entries()) {
      expect(message.embeds).toHaveLength(1);
      const buttons = message.components.flatMap((row) => row.components);
      if (count === 1) expect(buttons).toEqual([]);
      else expect(buttons.map((b) => b.disabled)).toEqual([i === 0, i === count - 1]);
    }
    expect(page(language, 99)).toBe(messages.at(-1));
  });
});
