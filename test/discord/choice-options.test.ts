// Choice options read as typed values (never cast): missing is undefined, anything outside the choices is refused
// by the option's name, every wrong option at once, before a service runs.
import { describe, expect, it } from 'vitest';
import { choiceOption, choiceReader, requiredChoiceOption } from '../../src/discord/options.js';
import { isDomainError } from '../../src/shared/errors.js';
import { englishOf } from '../support/english.js';

const given = (values: Record<string, string>) => ({ getString: (name: string) => values[name] ?? null });

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return (error.problems ?? []).map(englishOf);
    throw error;
  }
  return [];
}

describe('choice options', () => {
  it('gives the chosen value, or undefined when the option was left out', () => {
    expect(choiceOption(given({ repeat: 'weekly' }), 'repeat', ['none', 'weekly'] as const)).toBe('weekly');
    expect(choiceOption(given({}), 'repeat', ['none', 'weekly'] as const)).toBeUndefined();
    expect(requiredChoiceOption(given({ result: 'done' }), 'result', ['done', 'action'] as const)).toBe('done');
  });

  it('refuses a value outside the choices by the option name', () => {
    expect(problems(() => choiceOption(given({ level: 'guru' }), 'level', ['learning', 'expert'] as const))).toEqual(['**level** must be one of learning, expert.']);
    expect(problems(() => requiredChoiceOption(given({}), 'result', ['done'] as const))).toEqual(['**result** is required.']);
  });

  it('reports every wrong option together', () => {
    const choices = choiceReader(given({ matching: 'sometimes', intros: 'open', reminders: 'loud' }));
    choices.optional('matching', ['visible', 'hidden'] as const);
    expect(choices.optional('intros', ['open', 'closed'] as const)).toBe('open');
    choices.optional('reminders', ['on', 'off'] as const);
    expect(problems(() => choices.check())).toEqual(['**matching** must be one of visible, hidden.', '**reminders** must be one of on, off.']);
  });
});
