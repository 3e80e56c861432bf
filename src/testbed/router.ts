// A tiny REST router: patterns like /channels/:channel/messages, and the :id route names used in reports.
import type { Attachment } from './state.js';

export interface UploadedFile { field: string; filename: string; contentType: string | null; data: Buffer }

export interface Req {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
  authorized: boolean;
  baseUrl: string;
}

export interface Res { status: number; body?: unknown }
export type Handler = (req: Req) => Res | Promise<Res>;

interface RouteDef { method: string; parts: string[]; route: string; handler: Handler; auth: boolean }

const ROUTE_NAMES: Record<string, string> = { token: ':token', emoji: ':emoji' };

export class Router {
  private readonly defs: RouteDef[] = [];

  /** `auth: false` for interaction callbacks and webhooks, which discord.js sends without a token. */
  on(method: string, pattern: string, handler: Handler, auth = true): void {
    const parts = pattern.split('/').filter(Boolean);
    const route = '/' + parts.map((p) => (p.startsWith(':') ? (ROUTE_NAMES[p.slice(1)] ?? ':id') : p)).join('/');
    this.defs.push({ method, parts, route, handler, auth });
  }

  match(method: string, path: string): { def: RouteDef; params: Record<string, string> } | null {
    const segs = path.split('/').filter(Boolean).map((s) => safeDecode(s));
    for (const def of this.defs) {
      if (def.method !== method || def.parts.length !== segs.length) continue;
      const params: Record<string, string> = {};
      const ok = def.parts.every((p, i) => {
        const seg = segs[i] ?? '';
        if (p.startsWith(':')) return (params[p.slice(1)] = seg), true;
        return p === seg;
      });
      if (ok) return { def, params };
    }
    return null;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** For requests no route matched: ids and tokens replaced so reports still group them. */
export function guessRoute(path: string): string {
  return path.replace(/\/\d{15,21}(?=\/|$)/g, '/:id');
}

export function fileToAttachment(f: UploadedFile, id: string, url: string, description?: string): Attachment {
  return { id, filename: f.filename, contentType: f.contentType, size: f.data.length, url, data: f.data, ...(description ? { description } : {}) };
}
