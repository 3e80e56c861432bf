// "Looks like #12": near-duplicate checks before an idea is parked or an agenda item added, and the "Add anyway"
// that follows. What the member typed waits in a short-lived draft, so the button's custom id stays small.
import type { IdeasRepo, RankedIdea } from '../ideas/ideas.repo.js';
import type { IdeasService } from '../ideas/ideas.service.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { conflict, msg, notFound } from '../shared/errors.js';
import { findNearDuplicate } from '../shared/near-duplicate.js';
import type { AddedItem, AddItemInput, AgendaService } from './agenda.service.js';
import type { MeetingsRepo } from './meetings.repo.js';
import { DRAFT_TTL_MS } from './meetings.service.js';

/** Added at once, or held back because it looks like something already there. */
export type Proposed<T> = { kind: 'added'; added: T } | { kind: 'similar'; draftId: number; similar: { id: number; text: string; position: number | null } };

type Held = { action: 'idea-anyway'; text: string } | { action: 'agenda-anyway'; input: AddItemInput };

export function createDuplicateChecks(deps: {
  clock: Clock;
  drafts: Pick<MeetingsRepo, 'insertDraft' | 'draft' | 'deleteDraft' | 'purgeDrafts'>;
  agenda: Pick<AgendaService, 'addItem' | 'landingItems'>;
  ideas: Pick<IdeasService, 'addIdea'>;
  ideasRepo: Pick<IdeasRepo, 'parked'>;
}) {
  const { clock, drafts } = deps;
  const now = () => clock.now().getTime();

  function hold(actor: Actor, payload: Held): number {
    drafts.purgeDrafts(now());
    return drafts.insertDraft({ guildId: actor.guildId, userId: actor.userId, payload, candidates: [], expiresAt: now() + DRAFT_TTL_MS }).id;
  }

  /** The held input behind an "Add anyway" button, once: only for the member who typed it, while it is fresh. */
  function release<A extends Held['action']>(actor: Actor, draftId: number, action: A): Extract<Held, { action: A }> {
    const draft = drafts.draft(actor.guildId, draftId);
    const payload = draft?.payload as Held | undefined;
    if (!draft || draft.userId !== actor.userId || payload?.action !== action) throw notFound(msg('meetings.errors.choiceGone'));
    drafts.deleteDraft(actor.guildId, draftId);
    if (draft.expiresAt < now()) throw conflict(msg('meetings.errors.choiceExpired'));
    return payload as Extract<Held, { action: A }>;
  }

  return {
    /** Parks the idea unless a parked idea looks the same (case, accents, punctuation, spacing, a typo or two). */
    proposeIdea(actor: Actor, text: string): Proposed<RankedIdea> {
      const similar = findNearDuplicate(text, deps.ideasRepo.parked(actor.guildId, 500), (idea) => idea.text);
      if (!similar) return { kind: 'added', added: deps.ideas.addIdea(actor, text) };
      return { kind: 'similar', draftId: hold(actor, { action: 'idea-anyway', text }), similar: { id: similar.id, text: similar.text, position: null } };
    },

    addIdeaAnyway(actor: Actor, draftId: number): RankedIdea {
      return deps.ideas.addIdea(actor, release(actor, draftId, 'idea-anyway').text);
    },

    /** Adds the item unless the agenda it would join already has one that looks the same. */
    proposeItem(actor: Actor, input: AddItemInput): Proposed<AddedItem> {
      const similar = findNearDuplicate(input.topic, deps.agenda.landingItems(actor, input.meetingId), (item) => item.topic);
      if (!similar) return { kind: 'added', added: deps.agenda.addItem(actor, input) };
      return { kind: 'similar', draftId: hold(actor, { action: 'agenda-anyway', input }), similar: { id: similar.id, text: similar.topic, position: similar.position } };
    },

    addItemAnyway(actor: Actor, draftId: number): AddedItem {
      return deps.agenda.addItem(actor, release(actor, draftId, 'agenda-anyway').input);
    },
  };
}

export type DuplicateChecks = ReturnType<typeof createDuplicateChecks>;
