// /skills options read into typed input: the choice options of /skills privacy, never cast.
import type { ChatInputCommandInteraction } from 'discord.js';
import { choiceReader } from '../options.js';

/** /skills privacy: each setting given, or undefined to keep it. */
export function readPrivacyOptions(o: ChatInputCommandInteraction['options']) {
  const choices = choiceReader(o);
  const input = {
    matching: choices.optional('matching', ['visible', 'hidden'] as const),
    intros: choices.optional('intros', ['open', 'closed'] as const),
    reminders: choices.optional('reminders', ['on', 'off'] as const),
  };
  choices.check();
  return input;
}
