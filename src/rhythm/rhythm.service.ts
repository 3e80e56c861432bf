// The rhythm feature as one service: monthly updates and Coworking Day and their planner over every alliance (their
// jobs' data is rhythm.jobs.ts; what organizers are told when a post failed is src/discord/rhythm/failure.ts).
import type { AlliancesService } from '../alliances/alliances.service.js';
import type { JobsRepo } from '../jobs/jobs.repo.js';
import { HOUR, type Clock } from '../shared/clock.js';
import type { UpdateSectionProvider } from '../shared/update-section.js';
import { createCoworkingDayService } from './coworking-day.service.js';
import type { SpacesDirectory } from './ports.js';
import type { RhythmRepo } from './rhythm.repo.js';
import { createRhythmPublicService } from './rhythm-public.service.js';
import { createUpdatesService } from './updates.service.js';

export interface RhythmServiceDeps {
  repo: RhythmRepo;
  jobs: JobsRepo;
  alliances: AlliancesService;
  clock: Clock;
  /** Every other feature's monthly-update section, read when an update is composed (the Coworking Day countdown is added here). */
  sections(): readonly UpdateSectionProvider[];
  directory: SpacesDirectory;
}

export function createRhythmService(deps: RhythmServiceDeps) {
  const coworkingDay = createCoworkingDayService(deps);
  const countdown = coworkingDay.updateSection();
  const updates = createUpdatesService({ ...deps, sections: () => [...deps.sections(), countdown] });

  // Jobs are planned a month ahead and carry their own due time, so re-planning each alliance once an hour is
  // plenty; rhythm settings re-plan at once, and `replan` lets other settings (the time zone) do the same.
  const plannedHour = new Map<string, number>();

  function planGuild(guildId: string, at: number): void {
    updates.plan(guildId, at);
    coworkingDay.plan(guildId, at);
    plannedHour.set(guildId, Math.floor(at / HOUR));
  }

  return {
    updates,
    coworkingDay,
    /** The public web page's read-only view: the updates archive and the Coworking Day events. */
    publicPage: createRhythmPublicService({ repo: deps.repo, alliances: deps.alliances, clock: deps.clock }),

    /** The scheduler's planner (every tick): keeps every alliance's rhythm jobs in line with its settings. */
    plan(now: Date): void {
      const at = now.getTime();
      const hour = Math.floor(at / HOUR);
      for (const guildId of deps.alliances.allGuildIds()) {
        if (plannedHour.get(guildId) !== hour) planGuild(guildId, at);
      }
    },

    /** Privacy: removes the coworking-day events the member hosts (the Discord events stay for the alliance). */
    forgetMember(guildId: string, userId: string): { coworkingDayEvents: number } {
      return { coworkingDayEvents: deps.repo.forgetHost(guildId, userId) };
    },

    /** Re-plans one alliance now: call it after its time zone or announcements channel changed. */
    replan(guildId: string): void {
      planGuild(guildId, deps.clock.now().getTime());
    },
  };
}

export type RhythmService = ReturnType<typeof createRhythmService>;
