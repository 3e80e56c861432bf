// The explicit list of slash commands (no folder scanning: the compiler sees the set). One line per command.
import type { CommandModule } from '../src/discord/command.js';
import { alliance } from './alliance.js';
import { decisions } from './decisions.js';
import { createHelpCommand } from './help.js';
import { proposal } from './proposal.js';
import { rules } from './rules.js';

const featureCommands: CommandModule[] = [alliance, proposal, rules, decisions];

export const commands: readonly CommandModule[] = [createHelpCommand(() => commands), ...featureCommands];
