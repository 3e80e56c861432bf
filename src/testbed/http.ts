// The HTTP side: body parsing (JSON and multipart), auth, recording, rate-limit headers and buckets, faults.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApiError, fail } from './errors.js';
import { guessRoute, type Req, type Router, type UploadedFile } from './router.js';
import type { FaultSpec, RecordedRequest } from './types.js';

interface Bucket { limit: number; windowMs: number; used: number; resetAt: number; hash: string }

export interface HttpOptions {
  router: Router;
  token: string;
  requests: RecordedRequest[];
  /** False: do not keep requests in `requests` (onRequest still sees them). */
  record?: boolean;
  onRequest?: (request: RecordedRequest) => void;
  /** Serves stored attachment bytes outside /api. */
  attachment: (path: string) => { data: Buffer; contentType: string | null } | undefined;
}

const PREFIX = '/api/v10';
/**
 * How long an idle connection stays open: Cloudflare, in front of Discord's API, keeps HTTP/1.1 connections for
 * 400 s. Node sends it as `Keep-Alive: timeout=400`; undici (discord.js's REST) keeps its sockets that long less
 * 2 s. The 1 s this was before was below undici's 2 s margin, so it closed every connection after one request.
 */
export const KEEP_ALIVE_MS = 400_000;

export class HttpFront {
  readonly server: Server;
  private readonly faults: (FaultSpec & { left: number })[] = [];
  private readonly buckets = new Map<string, Bucket>();
  baseUrl = '';
  connectionsOpened = 0;

  constructor(private readonly o: HttpOptions) {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = KEEP_ALIVE_MS;
    this.server.on('connection', () => void this.connectionsOpened++);
  }

  fault(spec: FaultSpec): void {
    this.faults.push({ ...spec, left: spec.times ?? 1 });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl || 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    if (url.pathname.startsWith('/attachments/') && method === 'GET') {
      const file = this.o.attachment(url.pathname);
      res.writeHead(file ? 200 : 404, { 'Content-Type': file?.contentType ?? 'application/octet-stream' });
      return void res.end(file?.data ?? '');
    }
    const path = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) || '/' : url.pathname;
    const match = url.pathname.startsWith(PREFIX) ? this.o.router.match(method, path) : null;
    const route = match?.def.route ?? guessRoute(path);
    const record: RecordedRequest = { method, path, route, status: 0, body: null, at: Date.now() };
    if (this.o.record !== false) this.o.requests.push(record);
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    let status = 200;
    let body: unknown = null;
    try {
      const parsed = await parseBody(req.headers['content-type'] ?? '', raw);
      record.body = parsed.files.length ? { ...(parsed.body as object), files: parsed.files.map((f) => f.filename) } : parsed.body;
      const injected = this.takeFault(method, path, route);
      if (injected) {
        Object.assign(headers, injected.headers);
        status = injected.status;
        body = injected.body;
      } else {
        const major = match ? (match.params.channel ?? match.params.guild ?? match.params.token ?? match.params.app ?? '') : '';
        const limited = this.spend(method, route, major, headers);
        if (!match) throw fail.notFound();
        const authorized = req.headers.authorization === `Bot ${this.o.token}`;
        if (match.def.auth && !authorized) throw fail.unauthorized();
        if (limited) {
          status = 429;
          body = limited;
        } else {
          const r: Req = { method, path, params: match.params, query: url.searchParams, body: parsed.body, files: parsed.files, authorized, baseUrl: this.baseUrl };
          const out = await match.def.handler(r);
          status = out.status;
          body = out.body;
        }
      }
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(500, 0, `500: Internal Server Error (${(error as Error).message})`);
      if (!(error instanceof ApiError)) console.error('[testbed] handler crashed', error);
      status = e.status;
      body = e.body();
    }
    record.status = status;
    this.o.onRequest?.(record);
    if (status === 204 || body === undefined) {
      delete headers['Content-Type'];
      res.writeHead(status === 200 ? 204 : status, headers);
      return void res.end();
    }
    res.writeHead(status, headers);
    res.end(JSON.stringify(body));
  }

  private takeFault(method: string, path: string, route: string): { status: number; headers: Record<string, string>; body: unknown } | null {
    const f = this.faults.find((x) => x.left > 0 && (!x.method || x.method.toUpperCase() === method) &&
      (typeof x.route === 'string' ? x.route === route : x.route.test(path)));
    if (!f) return null;
    f.left--;
    if (f.status !== 429) return { status: f.status, headers: {}, body: { message: `${f.status}: Server Error`, code: 0 } };
    const after = f.retryAfter ?? 0.3;
    return {
      status: 429,
      headers: {
        'Retry-After': String(Math.ceil(after)), 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': ((Date.now() + after * 1000) / 1000).toFixed(3), 'X-RateLimit-Reset-After': after.toFixed(3),
        'X-RateLimit-Bucket': bucketHash(route), 'X-RateLimit-Scope': 'user',
      },
      body: { message: 'You are being rate limited.', retry_after: after, global: false },
    };
  }

  /** Honest per-route buckets; message edits are Discord's 5 per 5 s per channel. Returns a 429 body when spent. */
  private spend(method: string, route: string, major: string, headers: Record<string, string>): unknown {
    const isEdit = method === 'PATCH' && route === '/channels/:id/messages/:id';
    const [limit, windowMs] = isEdit ? [5, 5000] : [50, 1000];
    const key = `${method} ${route} ${major}`;
    const now = Date.now();
    let b = this.buckets.get(key);
    if (!b || now >= b.resetAt) {
      b = { limit, windowMs, used: 0, resetAt: now + windowMs, hash: bucketHash(`${method} ${route}`) };
      this.buckets.set(key, b);
    }
    const resetAfter = (b.resetAt - now) / 1000;
    const limited = b.used >= b.limit;
    if (!limited) b.used++;
    Object.assign(headers, {
      'X-RateLimit-Limit': String(b.limit), 'X-RateLimit-Remaining': String(b.limit - b.used),
      'X-RateLimit-Reset': (b.resetAt / 1000).toFixed(3), 'X-RateLimit-Reset-After': resetAfter.toFixed(3), 'X-RateLimit-Bucket': b.hash,
    });
    if (!limited) return null;
    Object.assign(headers, { 'Retry-After': String(Math.ceil(resetAfter)), 'X-RateLimit-Scope': 'user' });
    return { message: 'You are being rate limited.', retry_after: Number(resetAfter.toFixed(3)), global: false };
  }

  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function bucketHash(s: string): string {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function parseBody(contentType: string, raw: Buffer): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    let body: unknown = {};
    const files: UploadedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = parseJson(value);
        continue;
      }
      files.push({ field, filename: value.name, contentType: value.type || null, data: Buffer.from(await value.arrayBuffer()) });
    }
    return { body, files };
  }
  return { body: parseJson(raw.toString('utf8')), files: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 50109, 'The request body contains invalid JSON.');
  }
}
