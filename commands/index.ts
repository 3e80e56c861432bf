// The explicit list of slash commands (no folder scanning: the compiler sees the set). One line per command.
import type { CommandModule } from '../src/discord/command.js';
import { actions } from './actions.js';
import { agenda } from './agenda.js';
import { alliance } from './alliance.js';
import { coworkingday } from './coworkingday.js';
import { decisions } from './decisions.js';
import { directory } from './directory.js';
import { dues } from './dues.js';
import { createHelpCommand } from './help.js';
import { ideas } from './ideas.js';
import { lead } from './lead.js';
import { meeting } from './meeting.js';
import { participation } from './participation.js';
import { pass } from './pass.js';
import { perks } from './perks.js';
import { priorities } from './priorities.js';
import { privacy } from './privacy.js';
import { proposal } from './proposal.js';
import { rules } from './rules.js';
import { skills } from './skills.js';
import { space } from './space.js';
import { updates } from './updates.js';

const featureCommands: CommandModule[] = [alliance, space, directory, skills, meeting, agenda, ideas, priorities, actions, participation, updates, coworkingday, proposal, rules, decisions, dues, pass, lead, perks, privacy];

export const commands: readonly CommandModule[] = [createHelpCommand(() => commands), ...featureCommands];
