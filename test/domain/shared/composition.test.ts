// The composition contract (#15): one <feature>.feature.ts per feature (how they are composed: compose.test.ts), a
// domain that never reaches up to the composition root or the demo data, repos without `this`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../src/services.js';
import { freshDb } from '../../support/db.js';
import { manualClock } from '../../../src/shared/clock.js';

const SRC = join(import.meta.dirname, '../../../src');
const FEATURES = ['alliances', 'directory', 'skills', 'meetings', 'proposals', 'rules', 'rhythm', 'privacy', 'dues', 'pass', 'leads', 'perks', 'backups', 'doctor'];
/** Folders under src/ that are floors or adapters, not features. */
const NOT_FEATURES = ['db', 'discord', 'scheduler', 'shared', 'shell', 'testbed', 'web', 'jobs', 'ideas', 'i18n'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);

describe('the composition contract', () => {
  it('every feature folder has its <feature>.feature.ts with a create<Feature>Feature factory', async () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !NOT_FEATURES.includes(f)).sort()).toEqual([...FEATURES].sort());
    for (const feature of FEATURES) {
      const file = join(SRC, feature, `${feature}.feature.ts`);
      expect(existsSync(file), file).toBe(true);
      const module = (await import(file)) as Record<string, unknown>;
      expect(typeof module[`create${pascal(feature)}Feature`], feature).toBe('function');
    }
  });

  it('the services every command handler receives are still there, by name', () => {
    const services = createServices({ db: freshDb().db, clock: manualClock('2026-03-02T10:00:00Z') });
    expect(Object.keys(services).sort()).toEqual(
      ['jobs', 'jobData', 'alliances', 'backups', 'doctor', 'directory', 'rhythm', 'meetings', 'ideas', 'duplicates', 'calendar', 'skills', 'memberLanguages', 'rules', 'proposals', 'votes', 'decisions', 'privacy', 'dues', 'duesReminders', 'pass', 'leads', 'perks'].sort(),
    );
  });
});

describe('the domain floor', () => {
  const domainFiles = [...FEATURES, 'ideas'].flatMap((feature) => filesUnder(join(SRC, feature)));

  it('never imports the composition root or the demo data', () => {
    const offenders = domainFiles.filter((file) => /from '(\.\.\/)+(services|shell\/[^']*)\.js'/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps no demo seeders (they live in src/shell/demo/)', () => {
    expect(domainFiles.filter((file) => /samples\.ts$/.test(file))).toEqual([]);
  });

  it('repos call their siblings by name, never through `this`', () => {
    const repos = filesUnder(SRC).filter((file) => file.endsWith('.repo.ts'));
    expect(repos.length).toBeGreaterThan(10);
    expect(repos.filter((file) => /\bthis\./.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
