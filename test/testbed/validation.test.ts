// Discord's payload rules as pure functions: registration, message limits, modals, autocomplete choices.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/testbed/errors.js';
import { validateCallback } from '../../src/testbed/validate-callback.js';
import { validateCommandSet } from '../../src/testbed/validate-command.js';
import { validateMessage } from '../../src/testbed/validate-message.js';

function tree(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, ...(error.errors ?? {}) };
    throw error;
  }
  return {};
}
const opt = (name: string, extra: Record<string, unknown> = {}) => ({ type: 3, name, description: 'd', ...extra });

describe('registration rules', () => {
  it('accepts a well-formed set', () => {
    expect(tree(() => validateCommandSet([{ name: 'alliance', description: 'x', options: [{ type: 1, name: 'join', description: 'j', options: [opt('who', { required: true })] }] }]))).toEqual({});
  });

  it('accepts descriptions and choices translated into Discord locales', () => {
    const body = [{ name: 'vote', description: 'Vote', description_localizations: { 'es-ES': 'Votar', 'es-419': 'Votar', fr: 'Voter' }, options: [opt('a', { description_localizations: { fr: 'Un choix' }, choices: [{ name: 'yes', value: 'yes', name_localizations: { fr: 'oui' } }] })] }];
    expect(tree(() => validateCommandSet(body))).toEqual({});
  });

  it.each([
    ['an uppercase name', [{ name: 'Vote', description: 'x' }], { '0': { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } }],
    ['an empty description', [{ name: 'vote', description: '' }], { '0': { description: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } }],
    ['required after optional', [{ name: 'vote', description: 'x', options: [opt('a'), opt('b', { required: true })] }], { '0': { options: { '1': { required: { _errors: [{}] } } } } }],
    ['duplicate option names', [{ name: 'vote', description: 'x', options: [opt('a'), opt('a')] }], { '0': { options: { '1': { name: { _errors: [{ code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS' }] } } } } }],
    ['choices with autocomplete', [{ name: 'vote', description: 'x', options: [opt('a', { autocomplete: true, choices: [{ name: 'A', value: 'a' }] })] }], { '0': { options: { '0': { autocomplete: { _errors: [{}] } } } } }],
    ['min_value on a string', [{ name: 'vote', description: 'x', options: [opt('a', { min_value: 1 })] }], { '0': { options: { '0': { min_value: { _errors: [{}] } } } } }],
    ['subcommands mixed with values', [{ name: 'vote', description: 'x', options: [{ type: 1, name: 's', description: 'd' }, opt('a')] }], { '0': { options: { _errors: [{}] } } }],
    ['a value option inside a group', [{ name: 'vote', description: 'x', options: [{ type: 2, name: 'g', description: 'd', options: [opt('a')] }] }], { '0': { options: { '0': { options: { '0': { type: { _errors: [{}] } } } } } } }],
    ['26 options', [{ name: 'vote', description: 'x', options: Array.from({ length: 26 }, (_, i) => opt(`o${i}`)) }], { '0': { options: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } }],
    ['more than 4000 characters', [{ name: 'vote', description: 'x'.repeat(100), options: Array.from({ length: 25 }, (_, i) => opt(`o${i}`, { description: 'd'.repeat(100), choices: Array.from({ length: 25 }, (_, k) => ({ name: `c${k}`.padEnd(20, 'x'), value: `v${k}` })) })) }], { '0': { _errors: [{ code: 'APPLICATION_COMMAND_TOO_LARGE' }] } }],
    ['101 chat-input commands', Array.from({ length: 101 }, (_, i) => ({ name: `c${i}`, description: 'x' })), { _errors: [{}] }],
    ['a duplicate command name', [{ name: 'vote', description: 'x' }, { name: 'vote', description: 'y' }], { '1': { name: { _errors: [{}] } } }],
    ['a description translated into a locale Discord does not have', [{ name: 'vote', description: 'x', description_localizations: { es: 'Votar' } }], { '0': { description_localizations: { es: { _errors: [{ code: 'LOCALE_INVALID' }] } } } }],
    ['a translated description over 100 characters', [{ name: 'vote', description: 'x', options: [opt('a', { description_localizations: { fr: 'é'.repeat(101) } })] }], { '0': { options: { '0': { description_localizations: { fr: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } } } }],
    ['an empty translated description', [{ name: 'vote', description: 'x', description_localizations: { 'es-419': '' } }], { '0': { description_localizations: { 'es-419': { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } }],
    ['a translated choice name over 100 characters', [{ name: 'vote', description: 'x', options: [opt('a', { choices: [{ name: 'A', value: 'a', name_localizations: { 'es-ES': 'ñ'.repeat(101) } }] })] }], { '0': { options: { '0': { choices: { '0': { name_localizations: { 'es-ES': { _errors: [{}] } } } } } } } }],
    ['more than 4000 characters in one language only', [{ name: 'vote', description: 'x', options: Array.from({ length: 25 }, (_, i) => opt(`o${i}`, { description: 'd', description_localizations: { fr: 'f'.repeat(100) }, choices: Array.from({ length: 25 }, (_, k) => ({ name: `c${k}`, value: `v${k}`, name_localizations: { fr: `c${k}`.padEnd(60, 'x') } })) })) }], { '0': { _errors: [{ code: 'APPLICATION_COMMAND_TOO_LARGE' }] } }],
  ])('refuses %s with 50035', (_label, body, errors) => {
    expect(tree(() => validateCommandSet(body))).toMatchObject({ code: 50035, ...errors });
  });
});

describe('message rules', () => {
  it('counts content in code points, not UTF-16 units', () => {
    expect(tree(() => validateMessage({ content: '😀'.repeat(2000) }))).toEqual({});
    expect(tree(() => validateMessage({ content: '😀'.repeat(2001) }))).toMatchObject({ content: { _errors: [{}] } });
  });

  it('checks selects, link buttons, rows and embed fields', () => {
    const errors = tree(() => validateMessage({
      embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })), footer: { text: 'f'.repeat(2049) }, author: { name: 'a'.repeat(257) } }],
      components: [
        { type: 1, components: [{ type: 3, custom_id: 's', options: [] }, { type: 2, style: 1, custom_id: 'b', label: 'B' }] },
        { type: 1, components: [{ type: 2, style: 5, label: 'no url' }, { type: 2, style: 1, custom_id: 'x'.repeat(101), label: 'l'.repeat(81) }] },
        ...Array.from({ length: 4 }, () => ({ type: 1, components: [{ type: 2, style: 1, custom_id: `k${Math.random()}`, label: 'k' }] })),
      ],
    }));
    expect(errors).toMatchObject({
      code: 50035,
      embeds: { '0': { fields: { _errors: [{}] }, footer: { text: { _errors: [{}] } }, author: { name: { _errors: [{}] } } } },
      components: {
        _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }],
        '0': { components: { _errors: [{ code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED' }], '0': { options: { _errors: [{}] } } } },
        '1': { components: { '0': { url: { _errors: [{}] } }, '1': { custom_id: { _errors: [{}] }, label: { _errors: [{}] } } } },
      },
    });
  });

  it('refuses an unknown parse value in allowed_mentions', () => {
    expect(tree(() => validateMessage({ content: 'x', allowed_mentions: { parse: ['channels'] } }))).toMatchObject({ allowed_mentions: { parse: { '0': { _errors: [{ code: 'BASE_TYPE_CHOICES' }] } } } });
  });
});

describe('callback rules', () => {
  const modal = (extra: Record<string, unknown>, input: Record<string, unknown> = {}) => ({
    type: 9, data: { custom_id: 'm', title: 'T', components: [{ type: 1, components: [{ type: 4, custom_id: 'f', label: 'L', style: 1, ...input }] }], ...extra },
  });

  it('accepts only callback types the interaction allows', () => {
    expect(tree(() => validateCallback({ type: 8, data: { choices: [] } }, 2, false, 0))).toMatchObject({ code: 50035, type: { _errors: [{}] } });
    expect(tree(() => validateCallback({ type: 7, data: {} }, 2, false, 0))).toMatchObject({ type: { _errors: [{}] } });
    expect(tree(() => validateCallback({ type: 7, data: { content: 'ok' } }, 3, true, 0))).toEqual({});
  });

  it('checks modals: title ≤ 45, 1-5 inputs, label ≤ 45, style, lengths', () => {
    expect(tree(() => validateCallback(modal({}), 2, false, 0))).toEqual({});
    expect(tree(() => validateCallback(modal({ title: 't'.repeat(46) }), 2, false, 0))).toMatchObject({ data: { title: { _errors: [{}] } } });
    expect(tree(() => validateCallback(modal({}, { label: 'l'.repeat(46), style: 3, max_length: 4001 }), 2, false, 0))).toMatchObject({
      data: { components: { '0': { components: { '0': { label: { _errors: [{}] }, style: { _errors: [{}] }, max_length: { _errors: [{}] } } } } } },
    });
    expect(tree(() => validateCallback(modal({ components: [] }), 2, false, 0))).toMatchObject({ data: { components: { _errors: [{}] } } });
  });

  it('checks autocomplete choices: ≤ 25, names 1-100, string values ≤ 100', () => {
    const choices = Array.from({ length: 26 }, () => ({ name: '', value: 'v'.repeat(101) }));
    expect(tree(() => validateCallback({ type: 8, data: { choices } }, 4, false, 0))).toMatchObject({
      data: { choices: { _errors: [{}], '0': { name: { _errors: [{}] }, value: { _errors: [{}] } } } },
    });
  });
});
