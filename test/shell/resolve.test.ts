// How a typed command meets its registered definition: subcommands, option types, choices, and clear refusals.
import { describe, expect, it } from 'vitest';
import { parseLine, type CommandAction } from '../../src/shell/parse.js';
import { resolveCommand, staticChoices, type Lookup } from '../../src/shell/resolve.js';

const registered: Record<string, unknown>[] = [
  { name: 'help', description: 'What the bot can do', type: 1 },
  {
    name: 'alliance',
    description: 'Alliance settings',
    options: [
      {
        type: 1,
        name: 'setup',
        description: 'Set up',
        options: [
          { type: 3, name: 'timezone', description: 'tz', required: true, autocomplete: true },
          { type: 7, name: 'announcements', description: 'channel' },
          { type: 8, name: 'organizers', description: 'role' },
          { type: 5, name: 'public', description: 'bool' },
          { type: 4, name: 'quorum', description: 'int', choices: [{ name: 'Two', value: 2 }, { name: 'Three', value: 3 }] },
          { type: 10, name: 'ratio', description: 'number' },
          { type: 3, name: 'cadence', description: 'choice', choices: [{ name: 'Monthly', value: 'monthly' }, { name: 'Weekly', value: 'weekly' }] },
        ],
      },
      { type: 1, name: 'show', description: 'Show' },
    ],
  },
  {
    name: 'space',
    description: 'Spaces',
    options: [
      {
        type: 2,
        name: 'hosts',
        description: 'Hosts',
        options: [{ type: 1, name: 'add', description: 'Add', options: [{ type: 6, name: 'member', description: 'who', required: true }, { type: 9, name: 'who', description: 'x' }, { type: 11, name: 'file', description: 'f' }] }],
      },
    ],
  },
  { name: 'Report message', type: 3 },
];

const lookup: Lookup = {
  channel: (name) => ({ announcements: '200000000000000001', general: '200000000000000002' })[name] ?? fail(`No channel #${name}`),
  member: (name) => ({ marcus: '100000000000000001' })[name] ?? fail(`No member @${name}`),
  role: (name) => ({ Organizers: '300000000000000001' })[name] ?? fail(`No role @&${name}`),
  readFile: (path) => ({ filename: path, content: 'a,b' }),
};

function fail(message: string): never {
  throw new Error(message);
}

const resolve = (line: string) => resolveCommand(parseLine(line) as CommandAction, registered, lookup);

describe('resolveCommand', () => {
  it('reads subcommands and converts every option by its registered type', () => {
    expect(resolve('/alliance setup timezone:America/Chicago announcements:#announcements organizers:@&Organizers public:yes quorum:3 ratio:0.5')).toEqual({
      name: 'alliance',
      subcommand: 'setup',
      label: '/alliance setup',
      focused: null,
      options: {
        timezone: 'America/Chicago',
        announcements: '200000000000000001',
        organizers: '300000000000000001',
        public: true,
        quorum: 3,
        ratio: 0.5,
      },
      // The timezone option has autocomplete: the session asks the bot which choice the typed name means.
      named: [{ option: expect.objectContaining({ name: 'timezone' }), typed: 'America/Chicago' }],
    });
  });

  it('a command without subcommands takes none', () => {
    expect(resolve('/help')).toMatchObject({ name: 'help', options: {} });
    expect(() => resolve('/help me')).toThrow('/help takes no subcommand; "me" is not expected');
  });

  it('subcommand groups come from the leading words', () => {
    expect(resolve('/space hosts add member:@marcus who:@&Organizers file:list.csv')).toEqual({
      name: 'space',
      group: 'hosts',
      subcommand: 'add',
      label: '/space hosts add',
      focused: null,
      options: { member: '100000000000000001', who: '300000000000000001', file: { filename: 'list.csv', content: 'a,b' } },
      named: [],
    });
  });

  it('members, channels and roles may also be typed by bare name or id', () => {
    expect(resolve('/space hosts add member:marcus').options.member).toBe('100000000000000001');
    expect(resolve('/alliance setup timezone:UTC announcements:general').options.announcements).toBe('200000000000000002');
    expect(resolve('/space hosts add member:123456789012345678').options.member).toBe('123456789012345678');
  });

  it('a choice may be typed by its display name', () => {
    expect(resolve('/alliance setup timezone:UTC cadence:Monthly quorum:Two').options).toMatchObject({ cadence: 'monthly', quorum: 2 });
  });

  it('the option being autocompleted is sent as typed and missing required options are allowed', () => {
    const resolved = resolve('/alliance setup quorum:2 timezone:Amer?');
    expect(resolved.options).toEqual({ quorum: 2, timezone: 'Amer' });
    expect(resolved.focused).toMatchObject({ name: 'timezone', autocomplete: true });
  });

  it.each([
    ['/nope', /no command \/nope\. Commands: \/alliance, \/help, \/space/],
    ['/alliance', /\/alliance needs a subcommand: setup, show/],
    ['/space hosts', /\/space hosts needs a subcommand: add/],
    ['/alliance teardown', /no subcommand "teardown"\. Choose one of: setup, show/],
    ['/alliance setup timezone:UTC colour:red', /no option "colour"\. Options: timezone, announcements/],
    ['/alliance show timezone:UTC', /no option "timezone"\. It takes no options/],
    ['/alliance setup announcements:#general', /\/alliance setup needs timezone:…/],
    ['/alliance setup timezone:UTC quorum:2.5', /"quorum" needs a whole number \(got "2.5"\)/],
    ['/alliance setup timezone:UTC ratio:lots', /"ratio" needs a number/],
    ['/alliance setup timezone:UTC public:maybe', /"public" needs true or false/],
    ['/alliance setup timezone:UTC announcements:@marcus', /"announcements" needs a channel/],
    ['/alliance setup timezone:UTC announcements:#nowhere', /No channel #nowhere/],
    ['/space hosts add member:#general', /"member" needs a member/],
  ])('%s is refused with a clear reason', (line, message) => {
    expect(() => resolve(line)).toThrow(message);
  });

  it('context-menu commands are not slash commands', () => {
    expect(() => resolve('/report')).toThrow(/no command/);
  });
});

describe('staticChoices', () => {
  it('filters registered choices by what was typed, in name or value', () => {
    const option = { type: 3, name: 'cadence', choices: [{ name: 'Monthly', value: 'monthly' }, { name: 'Weekly', value: 'weekly' }] };
    expect(staticChoices(option, 'mon')).toEqual([{ name: 'Monthly', value: 'monthly' }]);
    expect(staticChoices(option, '')).toHaveLength(2);
  });
});
