// `npx tsx scripts/i18n-commands.ts [en|es|fr]`: the command texts a catalogue lacks or has stale, as JSON lines to
// paste into locales/<language>.json (English shows what to translate). Without a language: every command text.
import { commands } from '../commands/index.js';
import { catalogues } from '../src/i18n/catalogues.js';
import { commandTexts } from '../src/discord/command-localizations.js';
import { registrationBody } from '../src/discord/registration.js';
import { isLanguage } from '../src/shared/languages.js';

const language = process.argv[2];
const texts = commandTexts(registrationBody(commands));
const wanted = isLanguage(language)
  ? texts.filter(({ key, english }) => catalogues[language][key] === undefined || (language === 'en' && catalogues.en[key] !== english))
  : texts;
process.stdout.write(`${wanted.map(({ key, english }) => `  ${JSON.stringify(key)}: ${JSON.stringify(english)},`).join('\n')}\n`);
