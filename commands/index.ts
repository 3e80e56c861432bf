// The explicit list of slash commands (no folder scanning: the compiler sees the set). One line per command.
import type { CommandModule } from '../src/discord/command.js';
import { alliance } from './alliance.js';
import { createHelpCommand } from './help.js';

const featureCommands: CommandModule[] = [alliance];

export const commands: readonly CommandModule[] = [createHelpCommand(() => commands), ...featureCommands];
