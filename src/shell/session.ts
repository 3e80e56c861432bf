// One person at the shell: who they are acting as, where, and what they last saw (buttons, a form, choices);
// runs each parsed line against the test bed's driver and prints what that member would see.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InteractionTimeoutError } from '../testbed/index.js';
import type { ComponentView, GuildHandle, InteractionResult, MessageView, TestBed } from '../testbed/types.js';
import { bestChoice, buttonText, matchButton } from './choose.js';
import { renderCommandHelp } from './command-help.js';
import { DEMO, DEMO_CHANNELS } from './demo/demo-alliance.js';
import { createFeed, sleep, type FeedItem } from './feed.js';
import { createFileSaver } from './files.js';
import { formValues, isRefusal, keepTyped, type Modal } from './forms.js';
import { parseLine, ParseError, type Action, type CommandAction, type ValueToken } from './parse.js';
import { renderChoices, renderMessage, renderModal, type Names } from './render.js';
import { OPTION_TYPE, resolveCommand, ResolveError, staticChoices, type Lookup, type ResolvedCommand } from './resolve.js';
import { HELP } from './help.js';
import { ShellError } from './shell-error.js';

/**
 * ok: done. syntax: the line did not parse. usage: it parsed but names something that does not exist (a member,
 * an option, a button). refused: the test bed refused it as Discord would (the command is hidden from this member).
 * no-answer: the bot never responded. Scripts fail on syntax, usage and no-answer.
 */
export type Outcome = 'ok' | 'exit' | 'syntax' | 'usage' | 'refused' | 'no-answer';

export interface Session {
  prompt(): string;
  run(line: string): Promise<Outcome>;
  /** Prints what the bot posted that was not shown yet (e.g. at startup). */
  flush(): Promise<void>;
  /** Prints at once whatever is new without waiting for the bot to settle; true when something was printed. */
  poll(): boolean;
}

export interface SessionDeps {
  bed: TestBed;
  guild: GuildHandle;
  write(text: string): void;
  /** Folder where files the bot sends are saved (their paths are printed); without it they are only listed. */
  filesDir?: string;
}

type Actor = { guildId?: string; channelId: string; userId: string; locale: string };

/** Discord allows 15 minutes after a deferral; a local bot that needs more than this is stuck. */
const DEFERRED_REPLY_MS = 15_000;
const UPDATE_MS = 2_000;

export function createSession({ bed, guild, write, filesDir }: SessionDeps): Session {
  const files = filesDir ? createFileSaver(filesDir) : null;
  const members = new Map<string, string>(DEMO.members.map((name) => [guild.member(name), name]));
  const feed = createFeed(bed, () => [
    ...DEMO_CHANNELS.map((name) => guild.channel(name)),
    ...[...members.keys()].flatMap((id) => bed.dmChannel(id)?.id ?? []),
  ]);

  let member: string = DEMO.owner;
  /** The Discord language the member's client reports (`locale es-ES`); it also picks what `help /command` shows. */
  let locale = 'en-US';
  let channelId = guild.channel(DEMO.defaultChannel);
  /** Every message shown, oldest first: `click` and `select` look back through it. */
  const shown: string[] = [];
  let pending: { action: CommandAction; option: string; choices: { name: string; value: string | number }[] } | null = null;
  let lastModal: { modal: Modal; actor: Actor; messageId?: string } | null = null;
  /** The bot's answer to the latest interaction: a refused form stays open. */
  let lastAnswer: MessageView | null = null;

  const userId = () => guild.member(member);
  const actor = (): Actor => ({ guildId: guild.id, channelId, userId: userId(), locale });
  const channelName = (id: string) => bed.channel(id)?.name;
  const roleNames = () => [DEMO.organizerRole];

  const names: Names = {
    user: (id) => (id === bed.botUserId ? 'bot' : members.get(id)),
    channel: channelName,
    role: (id) => (id === guild.everyoneRoleId ? 'everyone' : roleNames().find((name) => guild.role(name) === id)),
  };

  const lookup: Lookup = {
    member(name) {
      const wanted = name.replace(/^@/, '').toLowerCase();
      const found = [...members].find(([, username]) => username.toLowerCase() === wanted);
      if (!found) throw new ShellError(`No member named @${name}. Members: ${DEMO.members.join(', ')}`);
      return found[0];
    },
    channel(name) {
      const wanted = normalizeChannel(name);
      const found = feed.channelIds().find((id) => normalizeChannel(channelName(id) ?? '') === wanted);
      if (!found) throw new ShellError(`No channel named #${name}. Channels: ${DEMO_CHANNELS.map((c) => `#${c}`).join(', ')}`);
      return found;
    },
    role(name) {
      const found = roleNames().find((role) => role.toLowerCase() === name.toLowerCase());
      if (name.toLowerCase() === 'everyone') return guild.everyoneRoleId;
      if (!found) throw new ShellError(`No role named @&${name}. Roles: ${roleNames().join(', ')}`);
      return guild.role(found);
    },
    readFile(path) {
      try {
        return { filename: basename(path), content: readFileSync(path) };
      } catch {
        throw new ShellError(`Cannot read the file ${path} to attach it`);
      }
    },
  };

  const labelFor = ({ message, edited }: FeedItem, interactionId: string | null): { label: string; edited: boolean } => {
    if (interactionId !== null && message.interactionId === interactionId) return { label: 'bot', edited };
    const channel = bed.channel(message.channelId);
    if (channel?.type === 1) {
      const recipient = channel.memberIds.find((id) => id !== bed.botUserId) ?? '';
      return { label: recipient === userId() ? 'DM from bot' : `DM to @${names.user(recipient) ?? recipient}`, edited };
    }
    return { label: `#${channel?.name ?? message.channelId}`, edited };
  };

  const visible = (message: MessageView) => !message.ephemeral || message.visibleTo === userId();

  const show = (message: MessageView, label: string, edited = false) => {
    feed.markSeen(message);
    if (!visible(message)) return;
    if (!shown.includes(message.id)) shown.push(message.id);
    const filePath = files ? (attachment: MessageView['attachments'][number]) => files.save(attachment) : undefined;
    write(renderMessage(message, { label, names, now: Date.now(), edited, ...(filePath ? { filePath } : {}) }));
  };

  /** Prints everything new, the messages belonging to this interaction first. */
  const printNew = (interactionId: string | null): number => {
    const items = feed.take().filter(({ message }) => visible(message));
    const ours = items.filter(({ message }) => interactionId !== null && message.interactionId === interactionId);
    for (const item of [...ours, ...items.filter((i) => !ours.includes(i))]) {
      const { label, edited } = labelFor(item, interactionId);
      show(item.message, label, edited);
    }
    return items.length;
  };

  const showResult = async (result: InteractionResult, from: Actor & { messageId?: string }): Promise<Outcome> => {
    let outcome: Outcome = 'ok';
    lastAnswer = null;
    if (result.type === 4 || result.type === 5) {
      try {
        lastAnswer = await result.reply(DEFERRED_REPLY_MS);
        show(lastAnswer, 'bot');
      } catch (error) {
        write(`✗ The bot deferred its reply ("thinking…") but never sent it: ${messageOf(error)}`);
        outcome = 'no-answer';
      }
    } else if (result.type === 6 || result.type === 7) {
      // The updated message is printed below with the other changes; waiting here lets a slow edit land first.
      await result.updated(UPDATE_MS).catch(() => undefined);
    } else if (result.type === 9 && result.modal) {
      lastModal = { modal: result.modal, actor: from, ...(from.messageId ? { messageId: from.messageId } : {}) };
      write(renderModal(result.modal));
    }
    await feed.settle();
    for (const followup of result.followups()) show(followup, 'bot (follow-up)');
    printNew(result.interactionId);
    return outcome;
  };

  /** The choices Discord would list for the option marked with ?, given what is typed in it. */
  const choicesFor = async (action: CommandAction) => {
    const resolved = resolveCommand(action, bed.commands(), lookup);
    const option = resolved.focused!;
    const { group, subcommand, options } = resolved;
    const input = { ...actor(), name: resolved.name, ...(group ? { group } : {}), ...(subcommand ? { subcommand } : {}), options };
    if (option.autocomplete) return bed.driver.autocomplete({ ...input, focused: option.name });
    if (option.choices?.length) return staticChoices(option, String(options[option.name] ?? ''));
    throw new ShellError(`${resolved.label} option "${option.name}" has no choices to pick from; type its value instead`);
  };

  const sendCommand = async (action: CommandAction): Promise<Outcome> => {
    if (action.autocomplete) {
      const choices = await choicesFor(action);
      write(renderChoices(action.autocomplete, choices));
      pending = choices.length > 0 ? { action, option: action.autocomplete, choices } : null;
      return 'ok';
    }
    const resolved = resolveCommand(action, bed.commands(), lookup);
    const { group, subcommand } = resolved;
    const options = await pickNamed(resolved);
    pending = null;
    return showResult(await bed.driver.command({ ...actor(), name: resolved.name, ...(group ? { group } : {}), ...(subcommand ? { subcommand } : {}), options }), actor());
  };

  /** Names typed into autocomplete options become the bot's best choice, as a member would pick it from the list. */
  const pickNamed = async (resolved: ResolvedCommand): Promise<ResolvedCommand['options']> => {
    const options = { ...resolved.options };
    const { group, subcommand } = resolved;
    for (const { option, typed } of resolved.named) {
      const choices = await bed.driver.autocomplete({
        ...actor(), name: resolved.name, ...(group ? { group } : {}), ...(subcommand ? { subcommand } : {}), options, focused: option.name,
      });
      const numeric = option.type === OPTION_TYPE.integer || option.type === OPTION_TYPE.number;
      const best = bestChoice(typed, choices, numeric);
      if (!best) {
        if (!numeric) continue;
        throw new ShellError(`No ${option.name} matches "${typed}"; list the choices with ${option.name}:${typed.split(' ')[0] ?? ''}?`);
      }
      options[option.name] = best.choice.value;
      if (!best.exact) write(`(${option.name}: picked ${best.choice.name})`);
    }
    return options;
  };

  const withOption = (action: CommandAction, option: string, text: string): CommandAction => ({
    ...action,
    options: action.options.map((o) => (o.name === option ? { name: o.name, value: { kind: 'text', text } } : o)),
  });

  const pick = async (choice: string): Promise<Outcome> => {
    if (!pending) throw new ShellError('Nothing to pick from: first ask for choices with a trailing ?, e.g. /alliance setup timezone:Amer?');
    const { action, option, choices } = pending;
    const wanted = choice.toLowerCase();
    const exact = (list: { name: string; value: string | number }[]) =>
      list.find((c) => c.name.toLowerCase() === wanted || String(c.value).toLowerCase() === wanted);
    let picked =
      (/^\d+$/.test(choice) ? choices[Number(choice) - 1] : undefined) ??
      exact(choices) ??
      onlyOne(choices.filter((c) => c.name.toLowerCase().includes(wanted)));
    // Discord lists at most 25 choices; typing the whole name narrows the list, so ask again with it before refusing.
    picked ??= exact(await choicesFor(withOption(action, option, choice)));
    if (!picked) throw new ShellError(`"${choice}" is not one of the choices: pick a number from 1 to ${choices.length}, a name or a value`);
    return sendCommand({ ...withOption(action, option, String(picked.value)), autocomplete: null });
  };

  /** The newest message this member can see that has a component `match` picks, refreshed from the bed. */
  const findComponent = (what: string, match: (components: ComponentView[]) => ComponentView | null | undefined) => {
    let latest: ComponentView[] | null = null;
    for (const id of [...shown].reverse()) {
      const message = bed.message(id);
      if (!message || !visible(message)) continue;
      const all = flatten(message.components).filter((c) => (what === 'button' ? c.type === 2 && c.style !== 5 : isSelect(c)));
      if (all.length === 0) continue;
      latest ??= all;
      const component = match(all);
      if (component) return { message, component };
    }
    return { message: null, component: null, latest };
  };

  const click = async (label: string): Promise<Outcome> => {
    const found = findComponent('button', (buttons) => matchButton(buttons, label));
    if (!found.message || !found.component) {
      const offered = found.latest?.map((c) => `[${buttonText(c) || c.custom_id}]`).join(' ');
      throw new ShellError(offered ? `No button "${label}" on recent messages. The latest offers ${offered}` : 'No message with buttons to click yet');
    }
    if (found.component.disabled) throw new ShellError(`The button [${buttonText(found.component)}] is disabled`);
    const from = fromMessage(found.message);
    return showResult(await bed.driver.click({ ...from, customId: found.component.custom_id ?? '' }), from);
  };

  const select = async (tokens: ValueToken[]): Promise<Outcome> => {
    const found = findComponent('select', (menus) => menus[0]);
    if (!found.message || !found.component) throw new ShellError('No message with a select menu yet');
    const menu = found.component;
    const values = tokens.map((token) => selectValue(menu, token));
    const from = fromMessage(found.message);
    return showResult(await bed.driver.select({ ...from, customId: menu.custom_id ?? '', values }), from);
  };

  const selectValue = (menu: ComponentView, token: ValueToken): string => {
    if (menu.type === 5) return lookup.member(token.kind === 'text' ? token.text : token.name);
    if (menu.type === 6) return lookup.role(token.kind === 'text' ? token.text : token.name);
    if (menu.type === 8) return lookup.channel(token.kind === 'text' ? token.text : token.name);
    if (menu.type === 7) return token.kind === 'role' ? lookup.role(token.name) : lookup.member(token.kind === 'text' ? token.text : token.name);
    const text = (token.kind === 'text' ? token.text : token.raw).toLowerCase();
    const option = (menu.options ?? []).find((o) => o.value.toLowerCase() === text || o.label.toLowerCase() === text);
    if (!option) throw new ShellError(`"${text}" is not in the menu. Options: ${(menu.options ?? []).map((o) => o.value).join(', ')}`);
    return option.value;
  };

  const submitModal = async (fields: { key: string; value: string }[]): Promise<Outcome> => {
    if (!lastModal) throw new ShellError('No form is open: the bot has not opened a modal');
    const { modal, actor: from, messageId } = lastModal;
    const values = formValues(modal, fields);
    lastModal = null;
    const outcome = await showResult(await bed.driver.submitModal({ ...from, modal, values, ...(messageId ? { messageId } : {}) }), from);
    // Discord keeps a refused form open with what was typed (unless the bot opened another one).
    if (!lastModal && isRefusal(lastAnswer)) {
      lastModal = { modal: keepTyped(modal, values), actor: from, ...(messageId ? { messageId } : {}) };
      write('(the form is still open with what you typed: correct it with modal field=value)');
    }
    return outcome;
  };

  const react = async (kind: 'react' | 'unreact', emoji: string): Promise<Outcome> => {
    const post = bed.messages(channelId).filter((m) => m.fromBot && !m.ephemeral).at(-1);
    if (!post) throw new ShellError(`The bot has not posted in #${channelName(channelId)} yet`);
    bed.driver[kind]({ channelId, messageId: post.id, userId: userId(), emoji });
    write(`(you ${kind === 'react' ? 'reacted' : 'removed your reaction'} ${emoji} on the bot's latest post in #${channelName(channelId)})`);
    await feed.settle();
    printNew(null);
    return 'ok';
  };

  const fromMessage = (message: MessageView): Actor & { messageId: string } => ({
    ...(message.guildId ? { guildId: message.guildId } : {}),
    channelId: message.channelId,
    userId: userId(),
    locale,
    messageId: message.id,
  });

  const execute = async (action: Action): Promise<Outcome> => {
    switch (action.kind) {
      case 'nothing':
        return 'ok';
      case 'exit':
        return 'exit';
      case 'help':
        write(action.command ? renderCommandHelp(action.command, bed.commands(), locale) : HELP);
        return 'ok';
      case 'as': {
        const id = lookup.member(action.member);
        member = members.get(id) ?? action.member;
        pending = null;
        lastModal = null;
        write(`You are now ${member}${member === DEMO.owner ? ' (server owner, organizer)' : ''}.`);
        return 'ok';
      }
      case 'locale':
        locale = action.locale;
        write(`Your Discord is now in ${locale}: the bot is told so, and help /command shows what Discord would.`);
        return 'ok';
      case 'in':
        channelId = lookup.channel(action.channel);
        write(`You are in #${channelName(channelId)}.`);
        return 'ok';
      case 'wait':
        await sleep(action.ms);
        await feed.settle();
        printNew(null);
        return 'ok';
      case 'command':
        return sendCommand(action);
      case 'pick':
        return pick(action.choice);
      case 'click':
        return click(action.label);
      case 'select':
        return select(action.values);
      case 'modal':
        return submitModal(action.fields);
      case 'react':
      case 'unreact':
        return react(action.kind, action.emoji);
    }
  };

  return {
    prompt: () => `${member} #${channelName(channelId)}> `,
    async run(line) {
      try {
        return await execute(parseLine(line));
      } catch (error) {
        write(`✗ ${messageOf(error)}`);
        if (error instanceof ParseError) return 'syntax';
        if (error instanceof ResolveError || error instanceof ShellError) return 'usage';
        return isNoAnswer(error) ? 'no-answer' : 'refused';
      }
    },
    async flush() {
      await feed.settle({ quietMs: 100 });
      printNew(null);
    },
    poll: () => printNew(null) > 0,
  };
}

function normalizeChannel(name: string): string {
  return name.replace(/^#/, '').trim().toLowerCase().replace(/\s+/g, '-');
}

function flatten(components: ComponentView[]): ComponentView[] {
  return components.flatMap((c) => [c, ...flatten(c.components ?? [])]);
}

function isSelect(component: ComponentView): boolean {
  return [3, 5, 6, 7, 8].includes(component.type);
}

function onlyOne<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The driver rejects a command the bot never acknowledged within Discord's 3 seconds. */
function isNoAnswer(error: unknown): boolean {
  return error instanceof InteractionTimeoutError || /did not (respond|answer)|no (initial )?(response|answer)|never (responded|answered)|timed? ?out|deadline|within 3/i.test(messageOf(error));
}
