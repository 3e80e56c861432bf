// The node flags the bot runs with are part of what ships (they set its memory): `npm start`, `npm run start:prod`,
// the Docker image and the systemd unit must start it the same way, and the benchmark measures `npm start`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeArguments, npmStartArguments } from '../../scripts/start-command.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const rootPath = fileURLToPath(root);

describe('the command that starts the bot', () => {
  const start = npmStartArguments(rootPath, 'start');

  it('runs the compiled bot with a capped young generation and no optimizing compile of WebAssembly', () => {
    expect(start.at(-1)).toBe('dist/src/main.js');
    expect(start).toContain('--max-semi-space-size=4');
    // undici's HTTP parser is WebAssembly: its optimizing compile left up to 9 MB resident in a V8 worker's malloc
    // arena at READY, in some starts and not others (bench/README.md, "Memory, third look").
    expect(start).toContain('--liftoff-only');
  });

  it('is the same in start:prod, the Docker image and the systemd unit', () => {
    expect(npmStartArguments(rootPath, 'start:prod')).toEqual(start);
    const cmd = /^CMD (\[.*\])$/m.exec(read('deploy/Dockerfile'))?.[1];
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...start]);
    const execStart = /^ExecStart=(.*)$/m.exec(read('deploy/alliance-bot.service'))?.[1];
    expect(nodeArguments(execStart ?? '')).toEqual(start);
  });
});
