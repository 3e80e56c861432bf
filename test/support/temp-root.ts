// Vitest global setup: every test process writes its temporary folders (databases, backups, browser profiles) under
// one folder made for this run, removed when the run ends, so a run leaves nothing in the system's temp folder.
// os.tmpdir() reads TMPDIR when called, and the test processes are forked after this runs, so they inherit it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'alliance-test-run-'));
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
