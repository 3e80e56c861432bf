// The slash commands, found by their folder: every commands/<name>.ts is one command module, checked at start-up
// (src/discord/discover.ts: exactly one export, named like its file), in its own `order`. /help is made here because
// it lists the others. A new command is a new file in this folder and no line here.
import { commandModuleShape, type CommandModule } from '../src/discord/command.js';
import { discover } from '../src/discord/discover.js';
import { createHelpCommand } from './help.js';

const found = await discover(import.meta.url, { what: 'command module', skip: ['help'], shape: commandModuleShape, nameOf: (module) => module.data.name, order: (module) => module.order });

export const commands: readonly CommandModule[] = [createHelpCommand(() => commands), ...found];
