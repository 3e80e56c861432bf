// The job kinds' Discord handlers, gathered from every feature wiring and checked against the composed features'
// job data: each kind with data has exactly one handler and each handler runs a kind some feature gives data for,
// so no list of kinds is kept anywhere (issue 15); a wiring that breaks this stops start-up naming the kind.
import type { JobHandler } from '../jobs/job-handler.js';
import type { BotContext } from './command.js';
import type { FeatureWiring } from './feature-wiring.js';

/** Every wiring's job handlers by kind; throws with every problem at once if the handlers and the job data disagree. */
export function gatherJobHandlers(wirings: readonly Pick<FeatureWiring, 'name' | 'jobHandlers'>[], ctx: BotContext): Record<string, JobHandler> {
  const handlers: Record<string, JobHandler> = {};
  const handledBy = new Map<string, string>();
  const problems: string[] = [];
  const withData = new Set(Object.keys(ctx.services.jobData));
  for (const wiring of wirings) {
    for (const [kind, handler] of Object.entries(wiring.jobHandlers?.(ctx) ?? {})) {
      const earlier = handledBy.get(kind);
      if (earlier !== undefined) problems.push(`the job kind ${kind} is handled by both ${earlier} and ${wiring.name}`);
      else if (!withData.has(kind)) problems.push(`the job kind ${kind} is handled by ${wiring.name} but no feature gives its data`);
      handledBy.set(kind, wiring.name);
      handlers[kind] = handler;
    }
  }
  for (const kind of withData) if (!handledBy.has(kind)) problems.push(`the job kind ${kind} has data but no handler in any src/discord/<feature>/wiring.ts`);
  if (problems.length > 0) throw new Error(`job handlers do not match the features' job data:\n${problems.join('\n')}`);
  return handlers;
}
