// Agenda use cases: propose items (quota, freeze, limit), show the timeboxed agenda, reorder, remove, post;
// and the three hooks the proposals feature uses to open a proposal from an item and write its outcome back.
import { z } from 'zod';
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { IdeasRepo } from '../ideas/ideas.repo.js';
import type { Actor } from '../shared/actor.js';
import { DAY, type Clock } from '../shared/clock.js';
import { conflict, forbidden, invalid, msg, notFound, type MessageRef } from '../shared/errors.js';
import { storedDecision } from './agenda-decision.rules.js';
import type { AgendaItemRow, AgendaRepo } from './agenda.repo.js';
import {
  canManageMeeting,
  canRemoveItem,
  freezesAt,
  hasEnded,
  isFrozen,
  ITEM_MINUTES,
  MAX_AGENDA_ITEMS,
  quotaApplies,
  reorder,
  timebox,
} from './agenda.rules.js';
import type { MeetingRow, MeetingsRepo } from './meetings.repo.js';
import type { Meeting, MeetingsService } from './meetings.service.js';
import { between, SNOWFLAKE, validate } from '../shared/validate.js';

/** Items of meetings this recent can still be turned into proposals. */
const PROPOSAL_LOOKBACK_MS = 14 * DAY;

const addSchema = z.object({
  meetingId: z.number().int().positive('validation.pickFromList'),
  topic: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  minutes: z
    .number()
    .int('validation.wholeMinutes')
    .refine(...between(ITEM_MINUTES.min, ITEM_MINUTES.max)),
  presenterId: z.string().regex(SNOWFLAKE, 'validation.member').optional(),
  priorityId: z.number().int().positive('validation.pickFromList').optional(),
  ideaId: z.number().int().positive().optional(),
});
const ADD_FIELDS = { meetingId: 'meeting', topic: 'topic', minutes: 'minutes', presenterId: 'presenter', priorityId: 'priority' };

export type AddItemInput = z.input<typeof addSchema>;

export interface AgendaEntry extends AgendaItemRow {
  plannedStart: number;
  plannedEnd: number;
  overTime: boolean;
  /** The active priority this item serves, or null: "serves no current priority". */
  priority: { id: number; rank: number; text: string } | null;
}

export interface AgendaView {
  meeting: Meeting;
  items: AgendaEntry[];
  overByMinutes: number;
  social: { start: number; end: number } | null;
  /** Whether the alliance has current priorities: only then is "serves no current priority" worth saying. */
  hasPriorities: boolean;
  frozen: boolean;
  freezesAt: number;
  /** The meeting's channel, else the alliance's meetings channel; null when neither is set. */
  channelId: string | null;
}

export interface AddedItem {
  item: AgendaItemRow;
  meeting: Meeting;
  /** Set when the chosen meeting's agenda was frozen and the item went to this later meeting instead. */
  movedFrom: Meeting | null;
  overByMinutes: number;
}

export type PostPlan = { kind: 'post'; agenda: AgendaView; channelId: string } | { kind: 'skip'; reason: string };

export interface AgendaServiceDeps {
  clock: Clock;
  repo: AgendaRepo;
  meetingsRepo: MeetingsRepo;
  ideasRepo: IdeasRepo;
  meetings: MeetingsService;
  alliances: AlliancesService;
}

export function createAgendaService(deps: AgendaServiceDeps) {
  const { clock, repo, meetingsRepo, ideasRepo, meetings, alliances } = deps;
  const now = (): number => clock.now().getTime();

  function requireItem(guildId: string, itemId: number): AgendaItemRow {
    const item = repo.get(guildId, itemId);
    if (!item) throw notFound(msg('agenda.errors.itemNotFound', { id: itemId }));
    return item;
  }

  function agenda(guildId: string, meetingId: number): AgendaView {
    const row = meetings.requireMeeting(guildId, meetingId);
    const active = new Map(ideasRepo.activePriorities(guildId).map((p) => [p.id, { id: p.id, rank: p.rank, text: p.text }]));
    const boxed = timebox(repo.items(guildId, meetingId), row);
    return {
      meeting: meetings.view(row),
      items: boxed.items.map(({ item, plannedStart, plannedEnd, overTime }) => ({
        ...item,
        plannedStart,
        plannedEnd,
        overTime,
        priority: (item.priorityId !== null && active.get(item.priorityId)) || null,
      })),
      overByMinutes: boxed.overByMinutes,
      social: boxed.social,
      hasPriorities: active.size > 0,
      frozen: isFrozen(row.startsAt, now()),
      freezesAt: freezesAt(row.startsAt),
      channelId: row.channelId ?? alliances.settings(guildId).meetingsChannelId,
    };
  }

  function assertRoom(target: MeetingRow, actor: Actor): void {
    if (repo.count(actor.guildId, target.id) >= MAX_AGENDA_ITEMS) {
      throw conflict(msg('agenda.errors.full', { title: target.title, max: MAX_AGENDA_ITEMS }));
    }
    if (!quotaApplies(actor)) return;
    const quota = alliances.settings(actor.guildId).agendaQuota;
    if (repo.proposedCount(actor.guildId, target.id, actor.userId) >= quota) {
      throw conflict(msg('agenda.errors.quota', { count: quota, title: target.title }));
    }
  }

  /** The meeting a new item lands on: the chosen one, or after the freeze (members) the next one. */
  function landingMeeting(actor: Actor, chosen: MeetingRow): MeetingRow {
    if (chosen.status === 'cancelled') throw conflict(msg('agenda.errors.cancelled', { title: chosen.title }));
    if (hasEnded(chosen, now())) throw conflict(msg('agenda.errors.ended', { title: chosen.title }));
    if (actor.isOrganizer || !isFrozen(chosen.startsAt, now())) return chosen;
    const next = meetingsRepo.nextAfter(actor.guildId, chosen.startsAt);
    if (!next) {
      throw conflict(msg('agenda.errors.frozenNoNext', { title: chosen.title }));
    }
    return next;
  }

  function agendaItemsForProposal(guildId: string, query: string, limit = 25): { id: number; label: string }[] {
    return repo
      .openItems(guildId, now() - PROPOSAL_LOOKBACK_MS, query.trim(), Math.min(Math.max(limit, 1), 25))
      .map((row) => ({ id: row.id, label: `${row.meetingTitle} · ${row.topic}`.slice(0, 100) }));
  }

  return {
    agenda,
    requireItem,

    /** The items already on the agenda a new item for `meetingId` would join (near-duplicate checks). */
    landingItems(actor: Actor, meetingId: number): AgendaItemRow[] {
      const target = landingMeeting(actor, meetings.requireMeeting(actor.guildId, meetingId));
      return repo.items(actor.guildId, target.id);
    },

    /** Anyone proposes; after the freeze a member's item goes to the next meeting (organizers still add here). */
    addItem(actor: Actor, input: AddItemInput): AddedItem {
      const parsed = validate(addSchema, input, ADD_FIELDS);
      const chosen = meetings.requireMeeting(actor.guildId, parsed.meetingId);
      if (parsed.priorityId !== undefined) {
        const priority = ideasRepo.priority(actor.guildId, parsed.priorityId);
        if (!priority || priority.status !== 'active') throw invalid('priority', msg('agenda.errors.priority'));
      }
      const target = landingMeeting(actor, chosen);
      assertRoom(target, actor);
      const item = repo.insert({
        guildId: actor.guildId,
        meetingId: target.id,
        topic: parsed.topic,
        minutes: parsed.minutes,
        presenterId: parsed.presenterId ?? null,
        priorityId: parsed.priorityId ?? null,
        proposedBy: actor.userId,
        ideaId: parsed.ideaId ?? null,
        createdAt: now(),
      });
      return {
        item,
        meeting: meetings.view(target),
        movedFrom: target.id === chosen.id ? null : meetings.view(chosen),
        overByMinutes: timebox(repo.items(actor.guildId, target.id), target).overByMinutes,
      };
    },

    /** Moves an item to a 1-based position (organizers and the meeting's creator). */
    moveItem(actor: Actor, itemId: number, position: number): AgendaView {
      const item = requireItem(actor.guildId, itemId);
      const row = meetings.requireMeeting(actor.guildId, item.meetingId);
      if (!canManageMeeting(actor, row)) throw forbidden(msg('agenda.errors.reorderForbidden', { title: row.title }));
      const items = repo.items(actor.guildId, row.id);
      if (!Number.isInteger(position) || position < 1 || position > items.length) {
        throw invalid('position', msg('agenda.errors.position', { count: items.length }));
      }
      const from = items.findIndex((candidate) => candidate.id === item.id) + 1;
      repo.setOrder(actor.guildId, reorder(items, from, position).map((candidate) => candidate.id));
      return agenda(actor.guildId, row.id);
    },

    /** A member removes their own item; organizers and the meeting's creator any. */
    removeItem(actor: Actor, itemId: number): { removed: AgendaItemRow; meeting: Meeting } {
      const item = requireItem(actor.guildId, itemId);
      const row = meetings.requireMeeting(actor.guildId, item.meetingId);
      if (!canRemoveItem(actor, row, item)) throw forbidden(msg('agenda.errors.removeForbidden'));
      if (hasEnded(row, now())) throw conflict(msg('agenda.errors.record', { title: row.title }));
      repo.remove(actor.guildId, item);
      return { removed: item, meeting: meetings.view(row) };
    },

    /** `/agenda post`: what to post and where (organizers and the meeting's creator). */
    postNow(actor: Actor, meetingId: number): { agenda: AgendaView; channelId: string } {
      const row = meetings.requireMeeting(actor.guildId, meetingId);
      if (!canManageMeeting(actor, row)) throw forbidden(msg('agenda.errors.postForbidden', { title: row.title }));
      if (row.status === 'cancelled') throw conflict(msg('meetings.errors.cancelled', { title: row.title }));
      const view = agenda(actor.guildId, meetingId);
      if (!view.channelId) throw conflict(msg('agenda.errors.noChannel'));
      return { agenda: view, channelId: view.channelId };
    },

    /** What a scheduled post (24 h agenda or "starting now") should publish; skip when the meeting moved or was cancelled. */
    scheduledPost(guildId: string, meetingId: number, startsAt: number): PostPlan {
      const row = meetingsRepo.get(guildId, meetingId);
      if (!row) return { kind: 'skip', reason: 'meeting no longer exists' };
      if (row.status === 'cancelled') return { kind: 'skip', reason: 'meeting was cancelled' };
      if (row.startsAt !== startsAt) return { kind: 'skip', reason: 'meeting was rescheduled' };
      const view = agenda(guildId, meetingId);
      if (!view.channelId) throw new Error('no meetings channel set: /alliance setup meetings-channel');
      return { kind: 'post', agenda: view, channelId: view.channelId };
    },

    recordPosted(guildId: string, meetingId: number, which: 'agenda' | 'start', messageId: string): void {
      meetingsRepo.update(guildId, meetingId, which === 'agenda' ? { agendaMessageId: messageId } : { startMessageId: messageId });
    },

    /** Items of a meeting for autocomplete. */
    itemChoices(guildId: string, meetingId: number | null, query: string): { id: number; label: string }[] {
      if (meetingId === null) return agendaItemsForProposal(guildId, query, 25);
      const q = query.trim().toLowerCase();
      return repo
        .items(guildId, meetingId)
        .filter((item) => item.topic.toLowerCase().includes(q))
        .slice(0, 25)
        .map((item) => ({ id: item.id, label: `${item.position}. ${item.topic}`.slice(0, 100) }));
    },

    /** Open items of upcoming and recent meetings, for the proposals feature's autocomplete. */
    agendaItemsForProposal,

    agendaItem(guildId: string, itemId: number): { id: number; topic: string; meetingId: number; meetingTitle: string } | null {
      return repo.withMeetingTitle(guildId, itemId);
    },

    /**
     * The proposals feature writes a decision's outcome back onto the item it came from, as a sentence by key:
     * stored as data, so each reader reads it in their language (see decisionOf).
     */
    recordItemDecision(guildId: string, itemId: number, decision: MessageRef): void {
      const item = repo.get(guildId, itemId);
      if (!item) return;
      repo.update(guildId, itemId, { decision: storedDecision(decision) });
    },
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;
