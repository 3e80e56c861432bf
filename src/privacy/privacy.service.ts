// Members' own data: export everything stored about the caller, preview what a deletion removes, and delete it
// through each feature's own forget verb, all in one transaction so a deletion is never half done.
import type { Db } from '../db/open.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import type { MemberDataOwner } from '../shared/feature.js';
import type { MemberRowsRepo } from './member-rows.repo.js';

/** A feature that stores personal data (defined with the composition contract). */
export type { MemberDataOwner };

/** The directory's part of the preview: which spaces go with the member and which they only leave. */
export interface SpacesPreviewPort {
  memberSpaces(guildId: string, userId: string): { removed: { id: number; name: string }[]; left: { id: number; name: string }[] };
}

/**
 * Columns that record who did something for the alliance (created a meeting, approved a space, posted an update,
 * changed a decision rule). The records are the alliance's and stay after a deletion, but anonymous: the member's id
 * is replaced (NULL, or FORMER_MEMBER where a value is required). The export shows them before.
 */
export const KEPT_ATTRIBUTION: ReadonlySet<string> = new Set([
  'decision_rules.updated_by',
  'meetings.created_by',
  'meeting_series.created_by',
  'spaces.created_by',
  'spaces.approved_by',
  'priorities.set_by',
  'monthly_updates.posted_by',
  'rhythm_settings.note_by',
  'action_items.created_by',
  'proposals.author_id',
  'proposals.closed_by',
]);

export interface MemberExport {
  alliance: string;
  member: string;
  exportedAt: string;
  /** Table → rows naming the member, as stored. */
  data: Record<string, Record<string, unknown>[]>;
}

export interface DeletionPreview {
  spacesRemoved: string[];
  spacesLeft: string[];
  /** Table → number of rows that name the member now (what the export holds). */
  rows: Record<string, number>;
  /** Nothing a deletion would remove: no space, and no row naming the member other than kept attribution. */
  nothingStored: boolean;
}

export function createPrivacyService(deps: { db: Db; clock: Clock; rows: MemberRowsRepo; spaces: SpacesPreviewPort; owners(): readonly MemberDataOwner[] }) {
  return {
    export(actor: Actor): MemberExport {
      return {
        alliance: actor.guildId,
        member: actor.userId,
        exportedAt: deps.clock.now().toISOString(),
        data: deps.rows.rowsOf(actor.guildId, actor.userId),
      };
    },

    preview(actor: Actor): DeletionPreview {
      const spaces = deps.spaces.memberSpaces(actor.guildId, actor.userId);
      const rows = Object.fromEntries(Object.entries(deps.rows.rowsOf(actor.guildId, actor.userId)).map(([table, list]) => [table, list.length]));
      const nothingStored = spaces.removed.length === 0 && spaces.left.length === 0 && !deps.rows.hasPersonalRows(actor.guildId, actor.userId, KEPT_ATTRIBUTION);
      return { spacesRemoved: spaces.removed.map((s) => s.name), spacesLeft: spaces.left.map((s) => s.name), rows, nothingStored };
    },

    /** Every feature forgets the member, or none does. Returns each feature's own summary. */
    delete(actor: Actor): Record<string, Record<string, unknown>> {
      return deps.db.transaction(() => {
        const summary: Record<string, Record<string, unknown>> = {};
        for (const owner of deps.owners()) summary[owner.feature] = owner.forget(actor.guildId, actor.userId);
        // Last, so a feature's own forget verb decides first; what is left of the member in kept records goes anonymous.
        summary['attribution'] = deps.rows.anonymize(actor.guildId, actor.userId, KEPT_ATTRIBUTION);
        return summary;
      });
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
