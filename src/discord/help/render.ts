// /help as an embed: every command and subcommand with its one-line description, organizer-only ones marked, in the
// member's language (the descriptions are the ones Discord shows them, from the same catalogue).
import { ApplicationCommandOptionType, EmbedBuilder, type APIApplicationCommandOption } from 'discord.js';
import { catalogues } from '../../i18n/catalogues.js';
import { sayIn } from '../../i18n/translate.js';
import type { Language } from '../../shared/languages.js';
import type { CommandModule } from '../command.js';
import { truncate } from '../format.js';

export interface HelpLine {
  usage: string;
  /** The definition's (English) description. */
  description: string;
  /** Its catalogue key (`commands.space.hosts.add.description`), for the member's language. */
  key: string;
  organizersOnly: boolean;
}

function isSub(option: APIApplicationCommandOption): boolean {
  return option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup;
}

/** One line per runnable command path (`/space hosts add`), in definition order. */
export function helpLines(module: CommandModule): HelpLine[] {
  const root = module.data;
  const subs = (root.options ?? []).filter(isSub);
  const organizerPaths = new Set(module.organizerSubcommands ?? []);
  if (subs.length === 0) return [{ usage: `/${root.name}`, description: root.description, key: `commands.${root.name}.description`, organizersOnly: module.organizerOnly === true }];
  return subs.flatMap((option) => {
    if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
      return (option.options ?? []).map((sub) => ({
        usage: `/${root.name} ${option.name} ${sub.name}`,
        description: sub.description,
        key: `commands.${root.name}.${option.name}.${sub.name}.description`,
        organizersOnly: module.organizerOnly === true || organizerPaths.has(`${option.name} ${sub.name}`),
      }));
    }
    return [{ usage: `/${root.name} ${option.name}`, description: option.description, key: `commands.${root.name}.${option.name}.description`, organizersOnly: module.organizerOnly === true || organizerPaths.has(option.name) }];
  });
}

/** Embed budget per message (Discord allows 6000 characters across a message's embeds). */
const MESSAGE_BUDGET = 5800;

/** A line's description in `language`; the definition's English where a catalogue lacks it (a command merged untranslated). */
const describe = (language: Language, line: HelpLine) => catalogues[language][line.key] ?? line.description;

/** The help as one or more embeds, each small enough to be a message of its own. */
export function renderHelp(language: Language, modules: readonly CommandModule[]): EmbedBuilder[] {
  const say = sayIn(language);
  const title = say('help.title');
  const intro = say('help.intro');
  const continued = say('help.continued', { title });
  const pages: EmbedBuilder[] = [];
  let page = new EmbedBuilder().setTitle(title).setColor(0x2f855a).setDescription(intro);
  let used = title.length + intro.length;
  let fields = 0;
  for (const module of modules) {
    const name = `/${module.data.name}`;
    const value = truncate(
      helpLines(module).map((line) => `${line.organizersOnly ? '🔒 ' : ''}\`${line.usage}\` ${describe(language, line)}`).join('\n'),
      1024,
    );
    if (used + name.length + value.length > MESSAGE_BUDGET || fields === 25) {
      pages.push(page);
      page = new EmbedBuilder().setTitle(continued).setColor(0x2f855a);
      used = continued.length;
      fields = 0;
    }
    page.addFields({ name, value });
    used += name.length + value.length;
    fields++;
  }
  pages.push(page);
  return pages;
}
