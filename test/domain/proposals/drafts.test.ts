// The options of /proposal create parked for their form: read back by their author until the proposal opens, within a day.
import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../src/shared/clock.js';
import { actor, BOARD, G2, members, people, setup } from './setup.js';
import { englishError } from '../../support/english.js';

const options = { title: 'Shared printer', type: 'spending', closes: '3d', quorum: 40, voters: 'role', voterRoleId: BOARD, anonymous: true, hideResults: true } as const;

describe('proposal drafts', () => {
  it('gives back the checked options until dropped, and the proposal opens with them', () => {
    const { services } = setup();
    const { draftId, plan } = services.proposals.draft(actor(members[0]), options);
    expect(plan.quorum).toBe(40);
    const drafted = services.proposals.drafted(actor(members[0]), draftId);
    expect(drafted).toMatchObject(options);
    // A form refused for a bad text can be sent again: reading does not use the draft up.
    expect(services.proposals.drafted(actor(members[0]), draftId)).toEqual(drafted);
    const p = services.proposals.create(actor(members[0]), { ...drafted, summary: 'Buy one.' }, people);
    expect(p).toMatchObject({ type: 'spending', quorum: 40, voters: 'role', anonymous: true, hideResults: true });
    services.proposals.dropDraft(actor(members[0]), draftId);
    expect(englishError(() => services.proposals.drafted(actor(members[0]), draftId))).toMatch(/form has expired/);
  });

  it('refuses bad options before anything is parked', () => {
    const { services } = setup();
    expect(englishError(() => services.proposals.draft(actor(members[0]), { title: 'Printer', quorum: 140 }))).toMatch(/\*\*quorum\*\* must be between 0 and 100/);
    const { draftId } = services.proposals.draft(actor(members[0]), { title: 'Printer' });
    // Draft ids count up from the first row: nothing was parked for the refused options.
    expect(draftId).toBe(1);
  });

  it('is only for the member who parked it, in their alliance', () => {
    const { services } = setup();
    const { draftId } = services.proposals.draft(actor(members[0]), { title: 'Printer' });
    expect(englishError(() => services.proposals.drafted(actor(members[1]), draftId))).toMatch(/form has expired/);
    expect(englishError(() => services.proposals.drafted(actor(members[0], G2), draftId))).toMatch(/form has expired/);
    expect(services.proposals.drafted(actor(members[0]), draftId)).toMatchObject({ title: 'Printer' });
  });

  it('expires after a day', () => {
    const { services, clock } = setup();
    const { draftId } = services.proposals.draft(actor(members[0]), { title: 'Printer' });
    clock.advance(25 * HOUR);
    expect(englishError(() => services.proposals.drafted(actor(members[0]), draftId))).toMatch(/form has expired/);
  });
});
