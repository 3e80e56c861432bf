// Reads and writes an alliance's decision rules and the rules-locked switch; every query is scoped by guild.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { decisionRules, decisionSettings, type RuleScope } from '../db/schema/index.js';

export type DecisionRuleRow = typeof decisionRules.$inferSelect;
export type DecisionRuleValues = Omit<DecisionRuleRow, 'guildId' | 'scope' | 'updatedAt' | 'updatedBy'>;

export function createRulesRepo(db: Db) {
  return {
    list(guildId: string): DecisionRuleRow[] {
      return db.select().from(decisionRules).where(eq(decisionRules.guildId, guildId)).all();
    },
    get(guildId: string, scope: RuleScope): DecisionRuleRow | null {
      return (
        db
          .select()
          .from(decisionRules)
          .where(and(eq(decisionRules.guildId, guildId), eq(decisionRules.scope, scope)))
          .get() ?? null
      );
    },
    upsert(guildId: string, scope: RuleScope, values: DecisionRuleValues, by: string | null, now: number): void {
      const row = { ...values, updatedBy: by, updatedAt: now };
      db.insert(decisionRules)
        .values({ guildId, scope, ...row })
        .onConflictDoUpdate({ target: [decisionRules.guildId, decisionRules.scope], set: row })
        .run();
    },
    locked(guildId: string): boolean {
      return db.select().from(decisionSettings).where(eq(decisionSettings.guildId, guildId)).get()?.rulesLocked ?? false;
    },
    setLocked(guildId: string, rulesLocked: boolean, now: number): void {
      db.insert(decisionSettings)
        .values({ guildId, rulesLocked, updatedAt: now })
        .onConflictDoUpdate({ target: decisionSettings.guildId, set: { rulesLocked, updatedAt: now } })
        .run();
    },
  };
}

export type RulesRepo = ReturnType<typeof createRulesRepo>;
