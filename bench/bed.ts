// The bench's test bed: one large guild, no request log kept (only counted), and every initial response's
// bed-side timing (process.hrtime from INTERACTION_CREATE dispatch to the callback's arrival).
import { startTestBed, type GuildHandle, type InitialResponseTiming, type TestBed } from '../src/testbed/index.js';

export class TimingLog {
  private events: InitialResponseTiming[] = [];
  private byId = new Map<string, number>();

  add(timing: InitialResponseTiming): void {
    this.events.push(timing);
    this.byId.set(timing.interactionId, timing.ms);
  }

  /** A position to read from later. */
  mark(): number {
    return this.events.length;
  }

  since(mark: number): InitialResponseTiming[] {
    return this.events.slice(mark);
  }

  ms(interactionId: string): number | undefined {
    return this.byId.get(interactionId);
  }

  /** Forget everything (between phases, so the log does not grow for the whole run). */
  clear(): void {
    this.events = [];
    this.byId.clear();
  }
}

export interface RequestCounts {
  total: number;
  /** 4xx/5xx other than 429 (validation failures, unknown interaction after the deadline, …). */
  errors: number;
  rateLimited: number;
  firstError: string | null;
}

export interface BenchBed {
  bed: TestBed;
  guild: GuildHandle;
  ownerId: string;
  members: string[];
  timings: TimingLog;
  requests: RequestCounts;
}

export async function startBenchBed(memberCount: number): Promise<BenchBed> {
  const timings = new TimingLog();
  const requests: RequestCounts = { total: 0, errors: 0, rateLimited: 0, firstError: null };
  const bed = await startTestBed({
    recordRequests: false,
    onInitialResponse: (timing) => timings.add(timing),
    onRequest: (request) => {
      requests.total++;
      if (request.status === 429) requests.rateLimited++;
      else if (request.status >= 400) {
        requests.errors++;
        requests.firstError ??= `${request.method} ${request.route} → ${request.status} ${JSON.stringify(request.body).slice(0, 200)}`;
      }
    },
  });
  const guild = bed.createGuild({
    name: 'Bench Alliance',
    owner: 'olivia',
    channels: [{ name: 'organizers' }, { name: 'proposals' }, { name: 'meetings' }, { name: 'directory' }, { name: 'skills' }, { name: 'Coworking call', type: 2 }],
    roles: [{ name: 'Organizers' }],
  });
  const members = guild.addManyMembers(memberCount);
  return { bed, guild, ownerId: guild.ownerId, members, timings, requests };
}
