// Drizzle queries for proposal drafts (the options of /proposal create waiting for its form); scoped by guild.
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { proposalDrafts } from '../db/schema/index.js';

export function createProposalDraftsRepo(db: Db) {
  return {
    park(guildId: string, userId: string, options: Record<string, unknown>, expiresAt: number): number {
      return db.insert(proposalDrafts).values({ guildId, userId, options, expiresAt }).returning({ id: proposalDrafts.id }).get().id;
    },

    /** The member's draft; null when it is gone, expired or someone else's. */
    get(guildId: string, userId: string, id: number, now: number): Record<string, unknown> | null {
      const row = db
        .select()
        .from(proposalDrafts)
        .where(and(eq(proposalDrafts.guildId, guildId), eq(proposalDrafts.userId, userId), eq(proposalDrafts.id, id)))
        .get();
      return row && row.expiresAt > now ? row.options : null;
    },

    drop(guildId: string, userId: string, id: number): void {
      db.delete(proposalDrafts).where(and(eq(proposalDrafts.guildId, guildId), eq(proposalDrafts.userId, userId), eq(proposalDrafts.id, id))).run();
    },

    /** Privacy: the member's unsent forms. */
    forget(guildId: string, userId: string): number {
      return db.delete(proposalDrafts).where(and(eq(proposalDrafts.guildId, guildId), eq(proposalDrafts.userId, userId))).run().changes;
    },

    dropExpired(now: number): number {
      return db.delete(proposalDrafts).where(lt(proposalDrafts.expiresAt, now)).run().changes;
    },
  };
}

export type ProposalDraftsRepo = ReturnType<typeof createProposalDraftsRepo>;
