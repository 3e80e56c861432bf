// Logs read well at a terminal (pino-pretty) and stay one JSON object a line for a service manager or a pipe.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, defaultLogDestination } from '../../src/shared/logger.js';

function fakeStdout(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(new Writable({ write: (chunk, _e, done) => (chunks.push(String(chunk)), done()) }), { isTTY });
  return { stream, text: () => chunks.join('') };
}

describe('log format', () => {
  it('on a terminal, a line reads as a level and a message, not JSON, and the token stays redacted', () => {
    const out = fakeStdout(true);
    const destination = defaultLogDestination(out.stream);
    expect(destination).toBeDefined();
    createLogger('info', destination).info({ token: 'secret-token', guilds: 3 }, 'Alliance bot is ready');
    // Colours on (a terminal); the words are what matter here.
    const text = out.text().replace(/\u001b\[\d+m/g, '');
    expect(text).toMatch(/INFO.*Alliance bot is ready/);
    expect(text).toContain('guilds: 3');
    expect(text).not.toContain('secret-token');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('when not a terminal, the default is pino\'s JSON on stdout', () => {
    expect(defaultLogDestination(fakeStdout(false).stream)).toBeUndefined();
  });
});
