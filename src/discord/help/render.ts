// /help as one message: every command and subcommand with its one-line description, organizer-only ones marked, in
// the member's language (the descriptions are the ones Discord shows them, from the same catalogue), split into pages
// that Previous/Next swap in place. One message, so under load no follow-up waits behind discord.js's global limit.
import { ApplicationCommandOptionType, ButtonStyle, ComponentType, type APIActionRowComponent, type APIApplicationCommandOption, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import { catalogues } from '../../i18n/catalogues.js';
import { sayIn } from '../../i18n/translate.js';
import type { Language } from '../../shared/languages.js';
import type { CommandModule } from '../command.js';
import { customId } from '../custom-id.js';
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

/** Embed budget per page (Discord allows 6000 characters across a message's embeds), the page footer included. */
const PAGE_BUDGET = 5800;
const COLOR = 0x2f855a;

/** A line's description in `language`; the definition's English where a catalogue lacks it (a command merged untranslated). */
const describe = (language: Language, line: HelpLine) => catalogues[language][line.key] ?? line.description;

/**
 * The help as pages, one embed each, small enough to be a message with its footer ("Page 1 of 2"). Built from data,
 * not setters (discord.js's builders validate on every call): the test checks the limits Discord enforces.
 */
export function renderHelp(language: Language, modules: readonly CommandModule[]): APIEmbed[] {
  const say = sayIn(language);
  const title = say('help.title');
  const intro = say('help.intro');
  const continued = say('help.continued', { title });
  const pages: { title: string; description?: string; fields: APIEmbedField[] }[] = [];
  let page: (typeof pages)[number] = { title, description: intro, fields: [] };
  let used = title.length + intro.length;
  for (const module of modules) {
    const name = `/${module.data.name}`;
    const value = truncate(
      helpLines(module).map((line) => `${line.organizersOnly ? '🔒 ' : ''}\`${line.usage}\` ${describe(language, line)}`).join('\n'),
      1024,
    );
    if (used + name.length + value.length > PAGE_BUDGET || page.fields.length === 25) {
      pages.push(page);
      page = { title: continued, fields: [] };
      used = continued.length;
    }
    page.fields.push({ name, value });
    used += name.length + value.length;
  }
  pages.push(page);
  return pages.map((p, i) => ({ ...p, color: COLOR, ...(pages.length > 1 ? { footer: { text: say('help.page', { page: i + 1, pages: pages.length }) } } : {}) }));
}

export type HelpMessage = { embeds: APIEmbed[]; components: APIActionRowComponent<APIButtonComponent>[] };

/** Previous/Next under a page (none when the help fits one); each carries the page it shows. */
function pageButtons(language: Language, page: number, pageCount: number): HelpMessage['components'] {
  if (pageCount <= 1) return [];
  const say = sayIn(language);
  const button = (label: string, target: number, end: 'p' | 'n', disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: truncate(label, 80),
    custom_id: customId('help', 'page', target, end),
    disabled,
  });
  return [{
    type: ComponentType.ActionRow,
    components: [
      button(say('help.previous'), Math.max(0, page - 1), 'p', page === 0),
      button(say('help.next'), Math.min(pageCount - 1, page + 1), 'n', page >= pageCount - 1),
    ],
  }];
}

/**
 * The help's pages per language, made on first use: the command list is fixed for the life of the process, so
 * every /help and every page turn after the first only picks a page.
 */
export function createHelpPages(modules: () => readonly CommandModule[]): (language: Language, page: number) => HelpMessage {
  const made = new Map<Language, HelpMessage[]>();
  return (language, page) => {
    let messages = made.get(language);
    if (!messages) {
      const embeds = renderHelp(language, modules());
      messages = embeds.map((embed, i) => ({ embeds: [embed], components: pageButtons(language, i, embeds.length) }));
      made.set(language, messages);
    }
    return messages[Math.min(Math.max(0, page), messages.length - 1)]!;
  };
}
