// What a person at the shell reads for each kind of message the bot can send.
import { describe, expect, it } from 'vitest';
import { formatTimestamp, renderChoices, renderMessage, renderModal, renderText, type Names } from '../../src/shell/render.js';
import type { MessageView } from '../../src/testbed/types.js';

const names: Names = {
  user: (id) => ({ '100000000000000001': 'marcus', '100000000000000002': 'olivia' })[id],
  channel: (id) => ({ '200000000000000001': 'announcements' })[id],
  role: (id) => ({ '300000000000000001': 'Organizers' })[id],
};

function message(overrides: Partial<MessageView>): MessageView {
  return {
    id: '900000000000000001',
    channelId: '200000000000000001',
    guildId: '400000000000000001',
    authorId: '500000000000000001',
    fromBot: true,
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    flags: 0,
    ephemeral: false,
    visibleTo: null,
    reactions: [],
    pings: { everyone: false, here: false, users: [], roles: [] },
    interactionId: null,
    createdAt: 0,
    editedAt: null,
    threadId: null,
    ...overrides,
  };
}

describe('renderMessage', () => {
  it('a one-line reply sits on the label line; an ephemeral one says only you can see it', () => {
    expect(renderMessage(message({ content: 'Settings saved.', ephemeral: true, flags: 64 }), { label: 'bot', names })).toBe(
      'bot ▸ (only you can see this) Settings saved.',
    );
    expect(renderMessage(message({ content: 'Hello' }), { label: '#announcements', names })).toBe('#announcements ▸ Hello');
  });

  it('an embed shows title, description, fields as name: value and the footer', () => {
    const text = renderMessage(
      message({
        content: 'Here you go',
        embeds: [
          {
            title: 'Alliance settings',
            description: 'How this alliance runs',
            fields: [
              { name: 'Timezone', value: 'America/Chicago', inline: true },
              { name: 'Announcements', value: '<#200000000000000001>\nposted monthly' },
            ],
            footer: { text: 'Change with /alliance setup' },
          },
        ],
      }),
      { label: 'bot', names },
    );
    expect(text).toBe(
      [
        'bot ▸',
        '  Here you go',
        '  ┃ Alliance settings',
        '  ┃ How this alliance runs',
        '  ┃ Timezone: America/Chicago',
        '  ┃ Announcements: #announcements',
        '  ┃   posted monthly',
        '  ┃ — Change with /alliance setup',
      ].join('\n'),
    );
  });

  it('buttons read as [Label], links show their URL, disabled ones say so; selects list their options', () => {
    const text = renderMessage(
      message({
        content: 'Vote on "Longer hours"',
        components: [
          {
            type: 1,
            components: [
              { type: 2, style: 3, label: 'Approve', custom_id: 'p:1:yes' },
              { type: 2, style: 4, label: 'Reject', custom_id: 'p:1:no', disabled: true },
              { type: 2, style: 5, label: 'Docs', url: 'https://example.org' },
            ],
          },
          {
            type: 1,
            components: [
              { type: 3, custom_id: 's', placeholder: 'Pick a skill', options: [{ label: 'Design', value: 'design' }, { label: 'Web & code', value: 'code' }] },
            ],
          },
          { type: 1, components: [{ type: 5, custom_id: 'u', placeholder: 'Who hosts?' }] },
        ],
      }),
      { label: '#proposals', names },
    );
    expect(text.split('\n')).toEqual([
      '#proposals ▸',
      '  Vote on "Longer hours"',
      '  [Approve] [Reject (disabled)] [Docs ↗ https://example.org]',
      '  ▾ Pick a skill: Design · Web & code (code)',
      '  ▾ Who hosts? (members: select @name)',
    ]);
  });

  it('mentions read as names, and a message says whom it actually pinged', () => {
    const text = renderMessage(
      message({
        content: 'Welcome <@100000000000000001>, ask <@&300000000000000001> or <@999999999999999999>',
        pings: { everyone: false, here: false, users: ['100000000000000001'], roles: [] },
      }),
      { label: '#general', names },
    );
    expect(text.split('\n')).toEqual(['#general ▸', '  Welcome @marcus, ask @Organizers or <@999999999999999999>', '  🔔 pings @marcus']);
  });

  it('edits, reactions and attachments are visible', () => {
    const text = renderMessage(
      message({
        content: 'Tally: 2 yes',
        reactions: [{ emoji: '✅', userIds: ['1', '2'] }],
        attachments: [{ id: '1', filename: 'members.csv', contentType: 'text/csv', size: 2048, url: '', data: Buffer.alloc(0) }],
      }),
      { label: '#proposals', names, edited: true },
    );
    expect(text.split('\n')).toEqual(['#proposals ▸ (edited)', '  Tally: 2 yes', '  📎 members.csv (2.0 kB)', '  reactions: ✅ 2']);
  });

  it('a message with nothing in it says so rather than printing a bare label', () => {
    expect(renderMessage(message({}), { label: 'bot', names })).toBe('bot ▸ (empty message)');
  });
});

describe('timestamps', () => {
  // 1700000000 is Tuesday 14 November 2023, 22:13:20 UTC.
  it.each([
    ['t', '22:13 UTC'],
    ['T', '22:13:20 UTC'],
    ['d', '2023-11-14'],
    ['D', '14 November 2023'],
    ['f', '14 November 2023 22:13 UTC'],
    ['F', 'Tuesday, 14 November 2023 22:13 UTC'],
    ['R', '14 November 2023 22:13 UTC'],
  ])('style %s reads %s', (style, expected) => {
    expect(formatTimestamp(1_700_000_000, style)).toBe(expected);
  });

  it('relative timestamps say how far away they are when the shell knows the time', () => {
    expect(formatTimestamp(1_700_000_000, 'R', (1_700_000_000 - 3 * 86_400) * 1000)).toBe('in 3 days, 14 November 2023 22:13 UTC');
    expect(formatTimestamp(1_700_000_000, 'R', (1_700_000_000 + 7200) * 1000)).toBe('2 hours ago, 14 November 2023 22:13 UTC');
  });

  it('keeps the raw form beside the readable date, in content and embeds alike', () => {
    expect(renderText('Next call <t:1700000000:F>, that is <t:1700000000>', { names })).toBe(
      'Next call <t:1700000000:F> (Tuesday, 14 November 2023 22:13 UTC), that is <t:1700000000> (14 November 2023 22:13 UTC)',
    );
    const text = renderMessage(message({ embeds: [{ fields: [{ name: 'When', value: '<t:1700000000:f>' }], timestamp: '2023-11-14T22:13:20.000Z' }] }), {
      label: 'bot',
      names,
    });
    expect(text).toContain('When: <t:1700000000:f> (14 November 2023 22:13 UTC)');
    expect(text).toContain('— 14 November 2023 22:13 UTC');
  });
});

describe('modals and choices', () => {
  it('a modal reads as a form with the line that submits it', () => {
    const text = renderModal({
      customId: 'proposal:new',
      title: 'New proposal',
      fields: [
        { customId: 'title', label: 'Title', style: 1, required: true, maxLength: 100 },
        { customId: 'details', label: 'Details', style: 2, required: false, value: 'Draft' },
      ],
    });
    expect(text.split('\n')).toEqual([
      'bot ▸ opened a form: New proposal',
      '  Title [title] (short, required, max 100)',
      '  Details [details] (paragraph, optional) = "Draft"',
      '  fill it in: modal title=… | details=…',
    ]);
  });

  it('choices are numbered for pick, with the value when it differs from the name', () => {
    expect(renderChoices('timezone', [{ name: 'America/Chicago', value: 'America/Chicago' }, { name: 'Central time', value: 'America/Chicago' }]).split('\n')).toEqual([
      'choices for timezone:',
      '  1. America/Chicago',
      '  2. Central time (America/Chicago)',
      '  pick one: pick <number, name or value>',
    ]);
    expect(renderChoices('timezone', [])).toBe('no choices for timezone');
  });
});

describe('markdown escapes', () => {
  it('show as the member reads them', () => {
    expect(renderText('Opening hours: Mon\\-Fri 8:00\\-18:00, \\*not\\* bold, a \\\\ backslash', { names })).toBe('Opening hours: Mon-Fri 8:00-18:00, *not* bold, a \\ backslash');
  });
});

describe('files the bot sends', () => {
  it('are listed with the path they were saved to', () => {
    const attachment = { id: '1', filename: 'spaces.csv', contentType: 'text/csv', size: 2048, url: 'http://x', data: Buffer.from('a') };
    const text = renderMessage(message({ content: 'Here you are', attachments: [attachment] }), { label: 'bot', names, filePath: () => '/tmp/files/spaces.csv' });
    expect(text).toContain('📎 spaces.csv (2.0 kB) saved to /tmp/files/spaces.csv');
  });
});
