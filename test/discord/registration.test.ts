import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { commandDefinitionProblems, commandSetProblems } from '../../src/discord/command-rules.js';
import { needsRegistration, registrationBody, registrationHash, registrationTarget, type CommandDefinition } from '../../src/discord/registration.js';

const sample = (overrides: Partial<CommandDefinition> = {}): CommandDefinition => ({ name: 'space', description: 'Spaces', ...overrides });

describe('command definitions', () => {
  it('every command the bot registers follows Discord\'s rules', () => {
    expect(commandSetProblems(registrationBody(commands))).toEqual([]);
  });

  it('every command is guild-only', () => {
    for (const definition of registrationBody(commands)) expect(definition.contexts).toEqual([0]);
  });

  it.each([
    [sample({ name: 'Space' }), /lowercase/],
    [sample({ name: 'a space' }), /must match/],
    [sample({ name: 'x'.repeat(33) }), /must match/],
    [sample({ description: '' }), /description must be 1-100/],
    [sample({ description: 'd'.repeat(101) }), /description must be 1-100/],
    [sample({ options: Array.from({ length: 26 }, (_, i) => ({ type: 3, name: `o${i}`, description: 'd' })) }), /at most 25 options/],
    [sample({ options: [{ type: 3, name: 'a', description: 'd' }, { type: 3, name: 'b', description: 'd', required: true }] }), /required options must come before/],
    [sample({ options: [{ type: 3, name: 'a', description: 'd', autocomplete: true, choices: [{ name: 'x', value: 'x' }] } as never] }), /cannot be combined/],
    [sample({ options: [{ type: 3, name: 'a', description: 'd', choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })) }] }), /at most 25 choices/],
    [sample({ options: [{ type: 1, name: 'add', description: 'd' }, { type: 3, name: 'a', description: 'd' }] }), /cannot be mixed/],
    [sample({ options: [{ type: 2, name: 'g', description: 'd', options: [{ type: 3, name: 'a', description: 'd' } as never] }] }), /holds only subcommands/],
    [sample({ options: [{ type: 3, name: 'a', description: 'd', min_value: 1 } as never] }), /min\/max value only on numbers/],
    [sample({ options: [{ type: 3, name: 'a', description: 'd' }, { type: 3, name: 'a', description: 'd' }] }), /duplicate/],
  ])('a definition Discord would refuse is caught (%#)', (definition, problem) => {
    expect(commandDefinitionProblems(definition).join('\n')).toMatch(problem);
  });

  it('a definition over the 4000-character budget is caught', () => {
    const options = Array.from({ length: 25 }, (_, i) => ({ type: 1, name: `sub${i}`, description: 'd'.repeat(100), options: Array.from({ length: 2 }, (_, j) => ({ type: 3, name: `o${j}`, description: 'e'.repeat(100) })) }));
    expect(commandDefinitionProblems(sample({ options: options as never })).join('\n')).toMatch(/max 4000/);
  });
});

describe('registration decisions', () => {
  const definitions = registrationBody(commands);
  it.each([
    ['never registered', null, registrationHash(definitions, 'global'), true],
    ['nothing changed', registrationHash(definitions, 'global'), registrationHash(definitions, 'global'), false],
    ['another application', registrationHash(definitions, registrationTarget('1', undefined)), registrationHash(definitions, registrationTarget('2', undefined)), true],
    ['target changed', registrationHash(definitions, 'global'), registrationHash(definitions, registrationTarget('1', '123456789012345678')), true],
    ['a description changed', registrationHash(definitions, 'global'), registrationHash([{ ...definitions[0]!, description: 'new' }, ...definitions.slice(1)], 'global'), true],
  ])('%s', (_, stored, current, expected) => {
    expect(needsRegistration(stored, current)).toBe(expected);
  });

  it('the hash does not depend on property order', () => {
    const a = registrationHash([{ name: 'x', description: 'y' }], 'global');
    const b = registrationHash([{ description: 'y', name: 'x' }], 'global');
    expect(a).toBe(b);
  });

  it('orders keys by code unit, as every Node version does, not by the collation of its ICU', () => {
    // Collation puts 'description' before 'Description'; code units put upper case first. A pinned hash fails if
    // the order ever depends on the runtime's collation again.
    const definition = { name: 'x', description: 'y', Description: 'z', description_localizations: { 'es-ES': 'a', de: 'b' } };
    expect(registrationHash([definition as unknown as CommandDefinition], 'global')).toBe('52c246fbcb7d361b9d4d0c6c694145cefae28098a684e00544af5e6b1896d2ea');
  });
});
