// Alliance settings use cases: read with defaults, and change them (organizers only, all fields validated first).
import { z } from 'zod';
import { SETTINGS_OPTION_NAMES } from './settings.rules.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { isLanguage, LANGUAGES, type Language } from '../shared/languages.js';
import { forbidden, invalidFields, msg, problem } from '../shared/errors.js';
import { isValidTimeZone } from '../shared/zoned-time.js';
import type { AlliancePatch, AlliancesRepo } from './alliances.repo.js';
import { issueProblem } from '../shared/validate.js';

export interface AllianceSettings {
  guildId: string;
  configured: boolean;
  timezone: string;
  announcementsChannelId: string | null;
  organizersChannelId: string | null;
  organizerRoleId: string | null;
  proposalsChannelId: string | null;
  meetingsChannelId: string | null;
  directoryApproval: boolean;
  ideaQuota: number;
  agendaQuota: number;
  /** The public web page is served only when on and a slug is set. */
  publicPage: boolean;
  publicSlug: string | null;
  /** The language organizers chose for public posts; null follows the server's locale (resolved by the adapter). */
  language: Language | null;
}

export const DEFAULT_SETTINGS: Omit<AllianceSettings, 'guildId' | 'configured'> = {
  timezone: 'UTC',
  announcementsChannelId: null,
  organizersChannelId: null,
  organizerRoleId: null,
  proposalsChannelId: null,
  meetingsChannelId: null,
  directoryApproval: true,
  ideaQuota: 3,
  agendaQuota: 2,
  publicPage: false,
  publicSlug: null,
  language: null,
};

/** A public page's address: 3-40 of a-z, 0-9 and hyphens (decided in issue #16). */
export const PUBLIC_SLUG = /^[a-z0-9-]{3,40}$/;

const snowflake = z.string().regex(/^\d{15,21}$/, 'validation.discordId');

/** What /alliance setup may change; every field optional so organizers change one thing at a time. */
export const settingsInputSchema = z.object({
  timezone: z
    .string()
    .trim()
    .refine(isValidTimeZone, 'alliance.setup.unknownTimeZone')
    .optional(),
  announcementsChannelId: snowflake.optional(),
  organizersChannelId: snowflake.optional(),
  organizerRoleId: snowflake.optional(),
  proposalsChannelId: snowflake.optional(),
  meetingsChannelId: snowflake.optional(),
  directoryApproval: z.boolean().optional(),
  ideaQuota: z.number().int().min(1).max(20).optional(),
  agendaQuota: z.number().int().min(1).max(25).optional(),
  publicPage: z.boolean().optional(),
  publicSlug: z.string().trim().toLowerCase().regex(PUBLIC_SLUG, 'alliance.setup.badSlug').optional(),
  language: z.string().trim().pipe(z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` })).optional(),
});

export type SettingsInput = z.input<typeof settingsInputSchema>;

/** Every settings field has its option name (a compile-time check that settings.rules.ts keeps up with the schema). */
const OPTION_NAMES_COVER_EVERY_FIELD: Record<keyof SettingsInput, string> = SETTINGS_OPTION_NAMES;
void OPTION_NAMES_COVER_EVERY_FIELD;

export function createAlliancesService(deps: { repo: AlliancesRepo; clock: Clock }) {
  const { repo, clock } = deps;

  function settings(guildId: string): AllianceSettings {
    const row = repo.get(guildId);
    if (!row) return { guildId, configured: false, ...DEFAULT_SETTINGS };
    return {
      guildId,
      configured: true,
      timezone: row.timezone,
      announcementsChannelId: row.announcementsChannelId,
      organizersChannelId: row.organizersChannelId,
      organizerRoleId: row.organizerRoleId,
      proposalsChannelId: row.proposalsChannelId,
      meetingsChannelId: row.meetingsChannelId,
      directoryApproval: row.directoryApproval,
      ideaQuota: row.ideaQuota,
      agendaQuota: row.agendaQuota,
      publicPage: row.publicPage,
      publicSlug: row.publicSlug,
      language: isLanguage(row.language) ? row.language : null,
    };
  }

  return {
    settings,

    /** Where the bot tells organizers things: their channel, else the announcements channel. */
    organizersChannel(guildId: string): string | null {
      const current = settings(guildId);
      return current.organizersChannelId ?? current.announcementsChannelId;
    },

    update(actor: Actor, input: SettingsInput): AllianceSettings {
      if (!actor.isOrganizer) throw forbidden(msg('alliance.setup.organizersOnly'));
      const parsed = settingsInputSchema.safeParse(input);
      if (!parsed.success) {
        throw invalidFields(
          parsed.error.issues.map((issue) => {
            const key = issue.path[0] as keyof SettingsInput;
            return issueProblem(issue, SETTINGS_OPTION_NAMES[key] ?? String(key));
          }),
        );
      }
      const patch: AlliancePatch = Object.fromEntries(
        Object.entries(parsed.data).filter(([, value]) => value !== undefined),
      );
      const slugOwner = patch.publicSlug ? repo.bySlug(patch.publicSlug) : null;
      if (slugOwner && slugOwner.guildId !== actor.guildId) {
        throw invalidFields([problem('public-slug', msg('alliance.setup.slugTaken', { slug: patch.publicSlug }))]);
      }
      const current = settings(actor.guildId);
      if ((patch.publicPage ?? current.publicPage) && !(patch.publicSlug ?? current.publicSlug)) {
        throw invalidFields([problem('public-slug', msg('alliance.setup.slugNeeded'))]);
      }
      repo.upsert(actor.guildId, patch, clock.now());
      return settings(actor.guildId);
    },

    /** The alliance whose public page answers at this slug; null when there is none or its page is off. */
    publicPage(slug: string): AllianceSettings | null {
      if (!PUBLIC_SLUG.test(slug)) return null;
      const row = repo.bySlug(slug);
      return row?.publicPage ? settings(row.guildId) : null;
    },

    /** Guild ids of every configured alliance (the scheduler's planners walk these). */
    allGuildIds(): string[] {
      return repo.all().map((row) => row.guildId);
    },
  };
}

export type AlliancesService = ReturnType<typeof createAlliancesService>;
