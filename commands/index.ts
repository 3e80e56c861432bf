// The explicit list of slash commands (no folder scanning: the compiler sees the set). One line per command.
import type { CommandModule } from '../src/discord/command.js';
import { alliance } from './alliance.js';
import { coworkingday } from './coworkingday.js';
import { createHelpCommand } from './help.js';
import { updates } from './updates.js';

const featureCommands: CommandModule[] = [alliance, updates, coworkingday];

export const commands: readonly CommandModule[] = [createHelpCommand(() => commands), ...featureCommands];
