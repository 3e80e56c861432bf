// The /updates and /coworkingday definitions: who may see and run what, the bounds Discord enforces client-side,
// and /help marking the organizer-only subcommands.
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { coworkingday } from '../../commands/coworkingday.js';
import { updates } from '../../commands/updates.js';
import { helpLines } from '../../src/discord/help/render.js';
import { NOTE_MAX } from '../../src/rhythm/content.rules.js';

type Option = { name: string; options?: Option[]; min_value?: number; max_value?: number; max_length?: number; autocomplete?: boolean; required?: boolean };
const sub = (options: Option[] | undefined, name: string) => options?.find((o) => o.name === name);

describe('rhythm command definitions', () => {
  it('/updates is for organizers as a whole: hidden behind Manage Server and checked on the server', () => {
    expect(updates.data.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(updates.organizerOnly).toBe(true);
    expect(helpLines(updates).map((line) => [line.usage, line.organizersOnly])).toEqual([
      ['/updates preview', true], ['/updates post-now', true], ['/updates history', true], ['/updates note', true], ['/updates settings', true],
    ]);
  });

  it('/coworkingday is for everyone except its settings, and /help says which', () => {
    expect(coworkingday.data.default_member_permissions).toBeUndefined();
    expect(coworkingday.organizerSubcommands).toEqual(['settings']);
    const lines = helpLines(coworkingday);
    expect(lines.map((line) => [line.usage, line.organizersOnly])).toEqual([
      ['/coworkingday show', false], ['/coworkingday host', false], ['/coworkingday settings', true],
    ]);
    expect(lines.find((line) => line.usage === '/coworkingday settings')?.description).toContain('(organizers)');
  });

  it('states the bounds: day 1-28, hour 0-23, the note length, and a space picked from autocomplete', () => {
    const options = updates.data.options as Option[];
    const settings = sub(options, 'settings')?.options;
    expect([sub(settings, 'day')?.min_value, sub(settings, 'day')?.max_value]).toEqual([1, 28]);
    expect([sub(settings, 'hour')?.min_value, sub(settings, 'hour')?.max_value]).toEqual([0, 23]);
    const note = sub(options, 'note');
    expect(sub(note?.options, 'text')?.max_length).toBe(NOTE_MAX);
    expect(JSON.stringify(note)).toContain(`up to ${NOTE_MAX} characters`);
    const host = sub(coworkingday.data.options as Option[], 'host')?.options;
    expect(host?.map((o) => [o.name, o.required ?? false])).toEqual([['space', true], ['title', true], ['when', true], ['link', false]]);
    expect(sub(host, 'space')?.autocomplete).toBe(true);
  });
});
