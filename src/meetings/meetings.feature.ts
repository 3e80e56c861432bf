// Builds the meetings feature's services from the database: one object for meetings, agendas, outcomes and
// participation (the proposals feature calls its agenda hooks), one for the idea machine, duplicates and the
// calendar feeds, with their job data, monthly-update section and privacy parts.
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { Db } from '../db/open.js';
import { createIdeasRepo } from '../ideas/ideas.repo.js';
import { createIdeasService } from '../ideas/ideas.service.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import type { Clock } from '../shared/clock.js';
import { defineFeature } from '../shared/feature.js';
import { createActionsRepo } from './actions.repo.js';
import { createCalendarRepo } from './calendar.repo.js';
import { createCalendarService } from './calendar.service.js';
import { createAgendaRepo } from './agenda.repo.js';
import { createAgendaService } from './agenda.service.js';
import { createDuplicateChecks } from './duplicates.service.js';
import { meetingsJobData } from './meetings.jobs.js';
import { createMeetingsRepo } from './meetings.repo.js';
import { createMeetingsService } from './meetings.service.js';
import { createMeetingsUpdateSection } from './meetings.update-section.js';
import { createOutcomesService } from './outcomes.service.js';
import { createParticipationService } from './participation.service.js';

export interface MeetingsFeatureDeps {
  db: Db;
  clock: Clock;
  jobs: JobsRepo;
  alliances: AlliancesService;
}

export function createMeetingsFeature(deps: MeetingsFeatureDeps) {
  const services = createMeetingsServices(deps);
  const { meetings, ideas, calendar } = services;
  return defineFeature({
    services,
    jobs: meetingsJobData(meetings),
    updateSections: [createMeetingsUpdateSection({ meetings, ideas })],
    privacy: [
      { feature: 'meetings', order: 30, forget: (guildId: string, userId: string) => meetings.forgetMember(guildId, userId) },
      { feature: 'calendar', order: 31, forget: (guildId: string, userId: string) => ({ calendarFeeds: calendar.forgetMember(guildId, userId) }) },
    ],
  });
}

// Apart from the feature so the update section can name the facade's type without a circle.
function createMeetingsServices(deps: MeetingsFeatureDeps) {
  const { db, clock, jobs, alliances } = deps;
  const meetingsRepo = createMeetingsRepo(db);
  const agendaRepo = createAgendaRepo(db);
  const actionsRepo = createActionsRepo(db);
  const ideasRepo = createIdeasRepo(db);
  const core = createMeetingsService({ db, clock, repo: meetingsRepo, agenda: agendaRepo, jobs, alliances });
  const agenda = createAgendaService({ clock, repo: agendaRepo, meetingsRepo, ideasRepo, meetings: core, alliances });
  const outcomes = createOutcomesService({ db, clock, agendaRepo, meetingsRepo, actionsRepo, jobs, meetings: core, alliances });
  const participation = createParticipationService({ db, clock, meetingsRepo, agendaRepo, actionsRepo, ideasRepo, jobs, alliances });
  // The one facade commands see, named verb by verb (no spread: a verb added to a part is added here on purpose).
  const meetings = {
    view: core.view,
    requireMeeting: core.requireMeeting,
    previewSchedule: core.previewSchedule,
    previewReschedule: core.previewReschedule,
    confirm: core.confirm,
    discardDraft: core.discardDraft,
    list: core.list,
    between: core.between,
    get: core.get,
    choices: core.choices,
    cancel: core.cancel,
    planOccurrences: core.planOccurrences,
    setDiscordEventId: core.setDiscordEventId,
    markPresent: core.markPresent,
    attendees: core.attendees,
    hasEnded: core.hasEnded,
    agenda: agenda.agenda,
    requireItem: agenda.requireItem,
    landingItems: agenda.landingItems,
    addItem: agenda.addItem,
    moveItem: agenda.moveItem,
    removeItem: agenda.removeItem,
    postNow: agenda.postNow,
    scheduledPost: agenda.scheduledPost,
    recordPosted: agenda.recordPosted,
    itemChoices: agenda.itemChoices,
    agendaItemsForProposal: agenda.agendaItemsForProposal,
    agendaItem: agenda.agendaItem,
    recordItemDecision: agenda.recordItemDecision,
    recordOutcome: outcomes.recordOutcome,
    notes: outcomes.notes,
    frozen: outcomes.frozen,
    myActions: outcomes.myActions,
    openActions: outcomes.openActions,
    completeAction: outcomes.completeAction,
    setActionReminders: outcomes.setActionReminders,
    remindersOn: outcomes.remindersOn,
    reminderFor: outcomes.reminderFor,
    participationReport: participation.report,
    forgetMember: participation.forgetMember,
  };
  const ideas = createIdeasService({ db, clock, repo: ideasRepo, agenda, alliances });
  const duplicates = createDuplicateChecks({ clock, drafts: meetingsRepo, agenda, ideas, ideasRepo });
  const calendar = createCalendarService({ repo: createCalendarRepo(db), clock });
  return { meetings, ideas, duplicates, calendar };
}

export type MeetingsFacade = ReturnType<typeof createMeetingsServices>['meetings'];
