import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { customId, decodeCustomId, parseCustomIdArgs } from '../../src/discord/custom-id.js';

describe('custom-id codec', () => {
  it('round-trips command, action and args, including separators in args', () => {
    const id = customId('space', 'approve', 42, 'a:b%c', true);
    expect(decodeCustomId(id)).toEqual({ command: 'space', action: 'approve', args: ['42', 'a:b%c', '1'] });
  });

  it('refuses to build an id longer than Discord allows', () => {
    expect(() => customId('space', 'approve', 'x'.repeat(100))).toThrow(/too long/);
  });

  it.each([
    ['', 'empty'],
    ['v0:space:approve:1', 'other version'],
    ['v1:space', 'no action'],
    ['v1:Space!:approve', 'bad command name'],
    ['x'.repeat(101), 'too long'],
    ['hello world', 'foreign'],
  ])('does not decode %j (%s)', (id) => {
    expect(decodeCustomId(id)).toBeNull();
  });

  it('args that do not fit the handler schema are refused, not guessed', () => {
    const schema = z.tuple([z.coerce.number().int().positive()]);
    expect(parseCustomIdArgs(schema, ['12'])).toEqual([12]);
    expect(parseCustomIdArgs(schema, ['-1'])).toBeNull();
    expect(parseCustomIdArgs(schema, ['12', 'extra'])).toBeNull();
    expect(parseCustomIdArgs(schema, ['DROP TABLE'])).toBeNull();
  });
});
