// The shell's own help text, kept beside the parser's rules it describes (README-shell.md says the same at length).
import { DEMO, DEMO_CHANNELS } from './demo/demo-alliance.js';

export const HELP = `Shell instructions (Discord's own commands start with /; try /help):
  /command sub option:value …   run a slash command; quotes for spaces: title:"Monthly call"
                                #channel, @member and @&Role become ids; numbers and true/false follow the option's type
  /command option:Amer?         a trailing ? lists the option's choices; then: pick <number, name or value>
                                an option with choices also takes a name: proposal:"day pass" picks the best match
  help /command [sub]           the command's options: descriptions, types, limits and choices
  click <label>                 click a button on the latest message that has it (any part of its label, or its emoji)
  select <value> [| <value>]    choose in the latest select menu
  modal field=value | field=value   submit the form the bot opened (field id or label; \\n for a new line);
                                pre-filled fields keep their values, and a refused form stays open to correct
  react <emoji> / unreact <emoji>   on the bot's latest post in this channel
  as <member>                   act as another member: ${DEMO.members.join(', ')} (${DEMO.owner} owns the server and is an organizer)
  locale es-ES                  use Discord in another language (es-ES, es-419, fr…; en-US by default)
  in #channel                   move to another channel: ${DEMO_CHANNELS.map((c) => `#${c}`).join(', ')}
  wait 2s | wait 500ms          let time pass and show what the bot posted meanwhile
  # comment                     ignored (handy in script files)
  help, exit (or Ctrl-D)`;
