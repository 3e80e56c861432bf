// /help as an embed: every command and subcommand with its one-line description, organizer-only ones marked.
import { ApplicationCommandOptionType, EmbedBuilder, type APIApplicationCommandOption } from 'discord.js';
import type { CommandModule } from '../command.js';
import { truncate } from '../format.js';

export interface HelpLine {
  usage: string;
  description: string;
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
  if (subs.length === 0) return [{ usage: `/${root.name}`, description: root.description, organizersOnly: module.organizerOnly === true }];
  return subs.flatMap((option) => {
    if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
      return (option.options ?? []).map((sub) => ({
        usage: `/${root.name} ${option.name} ${sub.name}`,
        description: sub.description,
        organizersOnly: module.organizerOnly === true || organizerPaths.has(`${option.name} ${sub.name}`),
      }));
    }
    return [{ usage: `/${root.name} ${option.name}`, description: option.description, organizersOnly: module.organizerOnly === true || organizerPaths.has(option.name) }];
  });
}

/** Embed budget per message (Discord allows 6000 characters across a message's embeds). */
const MESSAGE_BUDGET = 5800;

/** The help as one or more embeds, each small enough to be a message of its own. */
export function renderHelp(modules: readonly CommandModule[]): EmbedBuilder[] {
  const title = 'Alliance bot: what I can do';
  const intro = "Directory, skill-share, meetings, decisions and the alliance's rhythm. 🔒 marks organizer-only commands.";
  const pages: EmbedBuilder[] = [];
  let page = new EmbedBuilder().setTitle(title).setColor(0x2f855a).setDescription(intro);
  let used = title.length + intro.length;
  let fields = 0;
  for (const module of modules) {
    const name = `/${module.data.name}`;
    const value = truncate(
      helpLines(module).map((line) => `${line.organizersOnly ? '🔒 ' : ''}\`${line.usage}\` ${line.description}`).join('\n'),
      1024,
    );
    if (used + name.length + value.length > MESSAGE_BUDGET || fields === 25) {
      pages.push(page);
      page = new EmbedBuilder().setTitle(`${title} (continued)`).setColor(0x2f855a);
      used = title.length + 12;
      fields = 0;
    }
    page.addFields({ name, value });
    used += name.length + value.length;
    fields++;
  }
  pages.push(page);
  return pages;
}
