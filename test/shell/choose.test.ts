// Buttons by a part of their label or their emoji, autocomplete choices by name, forms kept as Discord keeps them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bestChoice, matchButton } from '../../src/shell/choose.js';
import { createFileSaver } from '../../src/shell/files.js';
import { formValues, isRefusal, keepTyped, type Modal } from '../../src/shell/forms.js';
import type { ComponentView, MessageView } from '../../src/testbed/types.js';

const button = (label: string, emoji?: string): ComponentView => ({ type: 2, style: 1, label, custom_id: label, ...(emoji ? { emoji: { name: emoji } } : {}) });

describe('matchButton', () => {
  const buttons = [button('Approve Northside Commons'), button('Reject'), button('Yes', '✅'), button('Withdraw my vote')];
  it('finds a button by its whole label, any part of it, or its emoji', () => {
    expect(matchButton(buttons, 'reject')?.label).toBe('Reject');
    expect(matchButton(buttons, 'Approve')?.label).toBe('Approve Northside Commons');
    expect(matchButton(buttons, 'northside')?.label).toBe('Approve Northside Commons');
    expect(matchButton(buttons, '✅')?.label).toBe('Yes');
    expect(matchButton(buttons, 'Abstain')).toBeNull();
  });
  it('asks for more when a part fits several buttons, and prefers a whole label over a part', () => {
    expect(() => matchButton([button('Approve A'), button('Approve B')], 'approve')).toThrow(/fits several buttons: \[Approve A\] \[Approve B\]/);
    expect(matchButton([button('Yes please'), button('Yes')], 'yes')?.label).toBe('Yes');
  });
});

describe('bestChoice', () => {
  const proposals = [{ name: '#3 Longer hours', value: 3 }, { name: '#1 Shared day pass', value: 1 }];
  it('picks an id option from a name, the first containing it, else the bot’s first', () => {
    expect(bestChoice('day pass', proposals, true)).toEqual({ choice: proposals[1], exact: false });
    expect(bestChoice('3', proposals, true)).toEqual({ choice: proposals[0], exact: true });
    expect(bestChoice('zzz', proposals, true)).toEqual({ choice: proposals[0], exact: false });
    expect(bestChoice('zzz', [], true)).toBeNull();
  });
  it('keeps free text in a text option unless one choice clearly means it', () => {
    const zones = [{ name: 'America/Chicago (UTC-6)', value: 'America/Chicago' }, { name: 'America/Denver (UTC-7)', value: 'America/Denver' }];
    expect(bestChoice('chicago', zones, false)?.choice.value).toBe('America/Chicago');
    expect(bestChoice('America', zones, false)).toBeNull();
    expect(bestChoice('America/Denver', zones, false)).toEqual({ choice: zones[1], exact: true });
  });
});

describe('forms', () => {
  const modal: Modal = {
    customId: 'proposal:create', title: 'New proposal',
    fields: [{ customId: 'title', label: 'Title', style: 1, required: true, value: 'Shared printer' }, { customId: 'summary', label: 'Summary', style: 2, required: true }],
  };
  it('submit pre-filled values the line does not name', () => {
    expect(formValues(modal, [{ key: 'Summary', value: 'One for all' }])).toEqual({ title: 'Shared printer', summary: 'One for all' });
    expect(formValues(modal, [{ key: 'title', value: 'Other' }])).toEqual({ title: 'Other' });
    expect(() => formValues(modal, [{ key: 'nope', value: 'x' }])).toThrow(/no field "nope"/);
  });
  it('stay open after a refusal holding what was typed', () => {
    const reopened = keepTyped(modal, { title: ' ', summary: 'One for all' });
    expect(formValues(reopened, [{ key: 'title', value: 'Fixed' }])).toEqual({ title: 'Fixed', summary: 'One for all' });
    const answer = (content: string, ephemeral = true) => ({ content, ephemeral }) as MessageView;
    expect(isRefusal(answer('⚠️ title is required'))).toBe(true);
    expect(isRefusal(answer('🚫 Only organizers can do that.'))).toBe(true);
    expect(isRefusal(answer('Proposal #2 is open until …'))).toBe(false);
    expect(isRefusal(answer('⚠️ posted for all', false))).toBe(false);
    expect(isRefusal(null)).toBe(false);
  });
});

describe('files', () => {
  it('are saved once each, under their own name, a number added on a clash', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'shell-files-')), 'out');
    const saver = createFileSaver(dir);
    const file = (id: string, text: string) => ({ id, filename: 'export.csv', contentType: 'text/csv', size: text.length, url: '', data: Buffer.from(text) });
    const first = saver.save(file('1', 'a'));
    expect(first).toBe(join(dir, 'export.csv'));
    expect(saver.save(file('1', 'a'))).toBe(first);
    expect(saver.save(file('2', 'b'))).toBe(join(dir, 'export-2.csv'));
    expect(readFileSync(join(dir, 'export-2.csv'), 'utf8')).toBe('b');
  });
});
