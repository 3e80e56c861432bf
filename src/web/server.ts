// Runs the public web app on HTTP_PORT inside the bot's process, and stops it with the bot.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createWebApp, type WebDeps } from './app.js';

export interface RunningWeb {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * Port 0 picks a free port (the shell and tests); `publicUrl` defaults to http://localhost:<port>. The app is built
 * once the port is known, so its absolute links are right.
 */
export async function startWebServer(deps: Omit<WebDeps, 'addressOf' | 'publicUrl'> & { publicUrl?: string }, port: number, hostname = '0.0.0.0'): Promise<RunningWeb> {
  let app: ReturnType<typeof createWebApp> | null = null;
  const server: ServerType = await new Promise((resolve, reject) => {
    const started = serve({ fetch: (request, env) => app!.fetch(request, env), port, hostname }, () => resolve(started));
    // A taken port is a configuration problem: say which, instead of an unhandled 'error' event.
    started.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `HTTP_PORT ${port} is already in use on ${hostname}: pick another port or stop what uses it` : `The web server could not start on port ${port}: ${error.message}`)),
    );
  });
  const actual = (server.address() as AddressInfo).port;
  const url = (deps.publicUrl ?? `http://localhost:${actual}`).replace(/\/$/, '');
  app = createWebApp({
    ...deps,
    publicUrl: url,
    addressOf: (c) => (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown',
  });
  return {
    port: actual,
    url,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
