// The shell's line syntax: every rule a newcomer relies on, and the message a bad line gets.
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../src/shell/parse.js';

describe('parseLine: slash commands', () => {
  it.each([
    ['/help', { path: ['help'], options: [], autocomplete: null }],
    [
      '/alliance setup timezone:America/Chicago announcements:#announcements',
      {
        path: ['alliance', 'setup'],
        options: [
          { name: 'timezone', value: { kind: 'text', text: 'America/Chicago' } },
          { name: 'announcements', value: { kind: 'channel', name: 'announcements', raw: '#announcements' } },
        ],
        autocomplete: null,
      },
    ],
    [
      '/space hosts add space:"Hive Studio" member:@marcus',
      {
        path: ['space', 'hosts', 'add'],
        options: [
          { name: 'space', value: { kind: 'text', text: 'Hive Studio' } },
          { name: 'member', value: { kind: 'user', name: 'marcus', raw: '@marcus' } },
        ],
        autocomplete: null,
      },
    ],
    [
      '/meeting notify role:@&Organizers room:#"Coworking call"',
      {
        path: ['meeting', 'notify'],
        options: [
          { name: 'role', value: { kind: 'role', name: 'Organizers', raw: '@&Organizers' } },
          { name: 'room', value: { kind: 'channel', name: 'Coworking call', raw: '#"Coworking call"' } },
        ],
        autocomplete: null,
      },
    ],
    ["/proposal new title:'Say \"yes\"' quorum:3", {
      path: ['proposal', 'new'],
      options: [
        { name: 'title', value: { kind: 'text', text: 'Say "yes"' } },
        { name: 'quorum', value: { kind: 'text', text: '3' } },
      ],
      autocomplete: null,
    }],
    ['/x note:"a \\"quoted\\" word"', { path: ['x'], options: [{ name: 'note', value: { kind: 'text', text: 'a "quoted" word' } }], autocomplete: null }],
  ])('%s', (line, expected) => {
    expect(parseLine(line)).toEqual({ kind: 'command', ...expected });
  });

  it('option names are case-insensitive, as Discord only has lower-case ones', () => {
    expect(parseLine('/alliance setup Timezone:UTC')).toMatchObject({ options: [{ name: 'timezone' }] });
  });

  it('a trailing ? outside quotes asks for autocomplete and is not part of the value', () => {
    expect(parseLine('/alliance setup timezone:Amer?')).toMatchObject({
      options: [{ name: 'timezone', value: { kind: 'text', text: 'Amer' } }],
      autocomplete: 'timezone',
    });
    expect(parseLine('/alliance setup timezone:?')).toMatchObject({ options: [{ value: { text: '' } }], autocomplete: 'timezone' });
    expect(parseLine('/space show space:"Hive St"?')).toMatchObject({ options: [{ value: { text: 'Hive St' } }], autocomplete: 'space' });
  });

  it('a ? inside quotes is text', () => {
    expect(parseLine('/proposal new title:"Lunch on Fridays?"')).toMatchObject({
      options: [{ value: { kind: 'text', text: 'Lunch on Fridays?' } }],
      autocomplete: null,
    });
  });
});

describe('parseLine: shell instructions', () => {
  it.each([
    ['', { kind: 'nothing' }],
    ['   ', { kind: 'nothing' }],
    ['# a comment /help', { kind: 'nothing' }],
    ['help', { kind: 'help', command: null }],
    ['help /proposal create', { kind: 'help', command: ['proposal', 'create'] }],
    ['help space show', { kind: 'help', command: ['space', 'show'] }],
    ['exit', { kind: 'exit' }],
    ['quit', { kind: 'exit' }],
    ['as marcus', { kind: 'as', member: 'marcus' }],
    ['as @priya', { kind: 'as', member: 'priya' }],
    ['locale es-419', { kind: 'locale', locale: 'es-419' }],
    ['locale ES-es', { kind: 'locale', locale: 'es-ES' }],
    ['locale fr', { kind: 'locale', locale: 'fr' }],
    ['in #general', { kind: 'in', channel: 'general' }],
    ['in proposals', { kind: 'in', channel: 'proposals' }],
    ['in #"Coworking call"', { kind: 'in', channel: 'Coworking call' }],
    ['wait 2s', { kind: 'wait', ms: 2000 }],
    ['wait 1.5s', { kind: 'wait', ms: 1500 }],
    ['wait 500ms', { kind: 'wait', ms: 500 }],
    ['pick America/Chicago', { kind: 'pick', choice: 'America/Chicago' }],
    ['pick 2', { kind: 'pick', choice: '2' }],
    ['pick "New York"', { kind: 'pick', choice: 'New York' }],
    ['click Approve', { kind: 'click', label: 'Approve' }],
    ['click Vote yes', { kind: 'click', label: 'Vote yes' }],
    ['react ✅', { kind: 'react', emoji: '✅' }],
    ['unreact ✅', { kind: 'unreact', emoji: '✅' }],
    ['select design', { kind: 'select', values: [{ kind: 'text', text: 'design' }] }],
    [
      'select design | "Web & code" | @marcus',
      {
        kind: 'select',
        values: [
          { kind: 'text', text: 'design' },
          { kind: 'text', text: 'Web & code' },
          { kind: 'user', name: 'marcus', raw: '@marcus' },
        ],
      },
    ],
  ])('%j', (line, expected) => {
    expect(parseLine(line)).toEqual(expected);
  });

  it('a modal is field=value pairs split on | outside quotes, keys by id or label', () => {
    expect(parseLine('modal title=Monthly call | Your pitch="Use | wisely" | details=line one\\nline two')).toEqual({
      kind: 'modal',
      fields: [
        { key: 'title', value: 'Monthly call' },
        { key: 'Your pitch', value: 'Use | wisely' },
        { key: 'details', value: 'line one\nline two' },
      ],
    });
  });

  it('instruction words are case-insensitive', () => {
    expect(parseLine('Click Approve')).toEqual({ kind: 'click', label: 'Approve' });
  });
});

describe('parseLine: bad lines say what to type instead', () => {
  it.each([
    ['hello there', /Unknown instruction "hello".*\/help/],
    ['/', /needs a name after the \//],
    ['/alliance setup timezone:', /"timezone" has no value/],
    ['/alliance setup timezone:"America/Chicago', /Unclosed " quote/],
    ['/alliance setup timezone:UTC extra', /Unexpected "extra".*name:value/],
    ['/alliance setup timezone:UTC timezone:Europe/Paris', /"timezone" is given twice/],
    ['/alliance setup timezone:A? title:B?', /Only one option can ask for choices/],
    ['/alliance setup channel:#', /needs a name after it/],
    ['/alliance setup timezone:"UTC"x', /Unexpected text after the value of "timezone"/],
    ['as', /Missing argument: as <member>/],
    ['locale', /Missing argument: locale <Discord language>/],
    ['locale es', /"es" is not a Discord language; try en-US, en-GB, es-ES, es-419 or fr/],
    ['wait 2', /wait needs a duration with a unit/],
    ['wait 11m', /wait needs a duration/],
    ['wait 700s', /limited to 10 minutes/],
    ['modal title', /field=value/],
    ['modal =x', /field=value/],
    ['select a |', /select needs a value/],
    ['react', /Missing argument: react <emoji>/],
  ])('%j', (line, message) => {
    expect(() => parseLine(line)).toThrow(message);
  });
});
