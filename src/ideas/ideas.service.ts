// The idea machine: park ideas (quota), dot-vote them monthly, keep up to five ranked priorities, and promote
// a parked idea into an agenda item or a priority.
import { z } from 'zod';
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { Db } from '../db/open.js';
import { validate } from '../shared/validate.js';
import { localMonthKey, parseLocalDate } from '../shared/when.rules.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import type { Language } from '../shared/languages.js';
import { conflict, forbidden, invalid, msg, notFound } from '../shared/errors.js';
import type { IdeasRepo, PriorityRow, RankedIdea } from './ideas.repo.js';
import { DOTS_PER_MONTH, dotsLeft, MAX_PRIORITIES, refreshSuggested } from './ideas.rules.js';

const ideaText = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
const prioritySchema = z.object({
  rank: z.number().int('must be 1 to 5').min(1, 'must be 1 to 5').max(MAX_PRIORITIES, 'must be 1 to 5'),
  text: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  targetDate: z.string().trim().min(1, 'must be a day').max(60, 'must be at most 60 characters').optional(),
});
const PRIORITY_FIELDS = { rank: 'rank', text: 'text', targetDate: 'target-date' };
/** `language`: the member's, in which `targetDate` is read first (then English) and refused. */
export type PriorityInput = z.input<typeof prioritySchema> & { language?: Language };

export type PromoteInput =
  | { ideaId: number; to: 'agenda'; meetingId: number; minutes?: number }
  | { ideaId: number; to: 'priority'; rank: number; targetDate?: string; language?: Language };

export interface PrioritiesView {
  priorities: PriorityRow[];
  /** All priorities achieved and none set since: suggest a priority refresh meeting. */
  refreshSuggested: boolean;
}

/** What an idea promoted to an agenda becomes; meetings says the rest (ideas sit below meetings, never import it). */
export interface AddedAgendaItem {
  item: { id: number };
}

/** The one thing ideas need from the meetings' agenda: meetings.feature passes its agenda service. */
export interface AgendaPort<Added extends AddedAgendaItem> {
  addItem(actor: Actor, input: { meetingId: number; topic: string; minutes: number; ideaId: number }): Added;
}

export interface IdeasServiceDeps<Added extends AddedAgendaItem> {
  db: Db;
  clock: Clock;
  repo: IdeasRepo;
  agenda: AgendaPort<Added>;
  alliances: AlliancesService;
}

export function createIdeasService<Added extends AddedAgendaItem>(deps: IdeasServiceDeps<Added>) {
  const { db, clock, repo, agenda, alliances } = deps;
  const now = (): number => clock.now().getTime();
  const zone = (guildId: string): string => alliances.settings(guildId).timezone;
  const month = (guildId: string): string => localMonthKey(now(), zone(guildId));

  function requireParked(guildId: string, ideaId: number): RankedIdea {
    const idea = repo.idea(guildId, ideaId);
    if (!idea) throw notFound(msg('ideas.errors.noSuchIdea', { id: ideaId }));
    if (idea.status !== 'parked') throw conflict(msg('ideas.errors.notParked', { id: ideaId, status: idea.status }));
    return idea;
  }

  function prioritiesView(guildId: string): PrioritiesView {
    const active = repo.activePriorities(guildId);
    return { priorities: active, refreshSuggested: refreshSuggested(active.length, repo.closedSince(guildId, 0)[0] ?? null) };
  }

  function setPriority(actor: Actor, input: PriorityInput, ideaId: number | null = null): PriorityRow {
    if (!actor.isOrganizer) throw forbidden(msg('ideas.errors.setPriorities'));
    const parsed = validate(prioritySchema, input, PRIORITY_FIELDS);
    let targetDate: string | null = null;
    if (parsed.targetDate) {
      const date = parseLocalDate(parsed.targetDate, now(), zone(actor.guildId), 'target-date', { language: input.language });
      if (date.kind === 'refused') throw invalid('target-date', date.text);
      targetDate = date.date;
    }
    return db.transaction(() => {
      const current = repo.activePriorities(actor.guildId).find((p) => p.rank === parsed.rank);
      if (current) repo.closePriority(actor.guildId, current.id, 'replaced', now());
      return repo.insertPriority({
        guildId: actor.guildId,
        rank: parsed.rank,
        text: parsed.text,
        targetDate,
        ideaId,
        setBy: actor.userId,
        createdAt: now(),
      });
    });
  }

  function activeAt(actor: Actor, rank: number): PriorityRow {
    if (!actor.isOrganizer) throw forbidden(msg('ideas.errors.changePriorities'));
    if (!Number.isInteger(rank) || rank < 1 || rank > MAX_PRIORITIES) throw invalid('rank', msg('ideas.errors.rank'));
    const current = repo.activePriorities(actor.guildId).find((p) => p.rank === rank);
    if (!current) throw notFound(msg('ideas.errors.noPriority', { rank }));
    return current;
  }

  return {
    /** Parks an idea; each member holds at most the alliance's idea quota of open (parked) ideas. */
    addIdea(actor: Actor, text: string): RankedIdea {
      const parsed = validate(z.object({ text: ideaText }), { text }, { text: 'text' });
      const quota = alliances.settings(actor.guildId).ideaQuota;
      if (repo.parkedCountBy(actor.guildId, actor.userId) >= quota) {
        throw conflict(msg('ideas.errors.quota', { quota }));
      }
      const row = repo.insertIdea({ guildId: actor.guildId, text: parsed.text, authorId: actor.userId, createdAt: now() });
      return { ...row, dots: 0 };
    },

    /** Parked ideas ranked by dots, with how many dots the member has left this month. */
    listIdeas(actor: Actor, limit = 100): { ideas: RankedIdea[]; dotsLeft: number } {
      return {
        ideas: repo.parked(actor.guildId, limit),
        dotsLeft: dotsLeft(repo.dotsSpent(actor.guildId, actor.userId, month(actor.guildId))),
      };
    },

    ideaChoices(guildId: string, query: string): { id: number; label: string }[] {
      const q = query.trim().toLowerCase();
      return repo
        .parked(guildId, 200)
        .filter((idea) => idea.text.toLowerCase().includes(q))
        .slice(0, 25)
        .map((idea) => ({ id: idea.id, label: `${idea.text} (${idea.dots} dot${idea.dots === 1 ? '' : 's'})`.slice(0, 100) }));
    },

    /** Spends 1-3 of the member's monthly dots on a parked idea. */
    vote(actor: Actor, ideaId: number, dots: number): { idea: RankedIdea; dotsLeft: number } {
      if (!Number.isInteger(dots) || dots < 1 || dots > DOTS_PER_MONTH) throw invalid('dots', msg('ideas.errors.dots', { max: DOTS_PER_MONTH }));
      const idea = requireParked(actor.guildId, ideaId);
      const key = month(actor.guildId);
      return db.transaction(() => {
        const left = dotsLeft(repo.dotsSpent(actor.guildId, actor.userId, key));
        if (dots > left) {
          throw conflict(msg('ideas.errors.noDots', { left, perMonth: DOTS_PER_MONTH }));
        }
        repo.addDots({ guildId: actor.guildId, ideaId: idea.id, userId: actor.userId, month: key, dots, createdAt: now() });
        return { idea: repo.idea(actor.guildId, idea.id)!, dotsLeft: left - dots };
      });
    },

    /** The author or an organizer takes an idea out of the parking lot (frees a quota slot). */
    dropIdea(actor: Actor, ideaId: number): void {
      const idea = requireParked(actor.guildId, ideaId);
      if (idea.authorId !== actor.userId && !actor.isOrganizer) throw forbidden(msg('ideas.errors.dropOwn'));
      repo.setIdeaStatus(actor.guildId, idea.id, 'dropped');
    },

    /** Organizers turn a parked idea into an agenda item or a priority. */
    promote(actor: Actor, input: PromoteInput): { idea: RankedIdea; agendaItem: Added | null; priority: PriorityRow | null } {
      if (!actor.isOrganizer) throw forbidden(msg('ideas.errors.promote'));
      const idea = requireParked(actor.guildId, input.ideaId);
      return db.transaction(() => {
        if (input.to === 'agenda') {
          const added = agenda.addItem(actor, {
            meetingId: input.meetingId,
            topic: idea.text.slice(0, 200),
            minutes: input.minutes ?? 10,
            ideaId: idea.id,
          });
          repo.setIdeaStatus(actor.guildId, idea.id, 'promoted', `agenda:${added.item.id}`);
          return { idea: repo.idea(actor.guildId, idea.id)!, agendaItem: added, priority: null };
        }
        const priority = setPriority(actor, { rank: input.rank, text: idea.text.slice(0, 200), targetDate: input.targetDate, language: input.language }, idea.id);
        repo.setIdeaStatus(actor.guildId, idea.id, 'promoted', `priority:${priority.id}`);
        return { idea: repo.idea(actor.guildId, idea.id)!, agendaItem: null, priority };
      });
    },

    setPriority(actor: Actor, input: PriorityInput): PriorityRow {
      return setPriority(actor, input);
    },

    clearPriority(actor: Actor, rank: number): PriorityRow {
      const current = activeAt(actor, rank);
      repo.closePriority(actor.guildId, current.id, 'cleared', now());
      return current;
    },

    /** Marks a priority achieved; `refreshSuggested` tells the adapter to suggest a priority refresh meeting. */
    achievePriority(actor: Actor, rank: number): { priority: PriorityRow; refreshSuggested: boolean } {
      const current = activeAt(actor, rank);
      repo.closePriority(actor.guildId, current.id, 'achieved', now());
      return { priority: current, refreshSuggested: prioritiesView(actor.guildId).refreshSuggested };
    },

    priorities: prioritiesView,

    priorityChoices(guildId: string, query: string): { id: number; label: string }[] {
      const q = query.trim().toLowerCase();
      return repo
        .activePriorities(guildId)
        .filter((p) => p.text.toLowerCase().includes(q))
        .map((p) => ({ id: p.id, label: `${p.rank}. ${p.text}`.slice(0, 100) }));
    },
  };
}

export type IdeasService = ReturnType<typeof createIdeasService>;
