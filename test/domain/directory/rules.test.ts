// Pure directory rules: tags, text folding, FTS query building, distance and bounding boxes, countries.
import { describe, expect, it } from 'vitest';
import { englishOf } from '../../support/english.js';
import { countryAutocomplete, countryCode, countryName } from '../../../src/directory/countries.js';
import { canManage, ftsQuery, parseTags } from '../../../src/directory/directory.rules.js';
import { boundingBox, editDistance, foldKey, haversineKm, innerBox } from '../../../src/directory/text.rules.js';

describe('tags', () => {
  it('normalizes case and inner spaces and drops duplicates', () => {
    expect(parseTags('Women Owned, coworking,COWORKING, ,quiet')).toEqual({ tags: ['women-owned', 'coworking', 'quiet'], problems: [] });
  });
  it('refuses a tag of the wrong shape, naming it', () => {
    const { problems } = parseTags('coworking, café!, x');
    expect(problems.map((p) => englishOf(p))).toEqual([
      expect.stringContaining('"café!"'),
      expect.stringContaining('"x"'),
    ]);
    expect(problems.every((p) => p.field === 'tags')).toBe(true);
  });
  it('allows ten tags and refuses eleven', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `tag-${i}`).join(',');
    expect(parseTags(ten).problems).toEqual([]);
    expect(englishOf(parseTags(`${ten},tag-10`).problems[0]!)).toMatch(/at most 10/);
  });
  it('refuses a tag over 30 characters', () => {
    expect(parseTags('a'.repeat(31)).problems).toHaveLength(1);
    expect(parseTags('a'.repeat(30)).problems).toHaveLength(0);
  });
});

describe('text', () => {
  it('folds accents, case and punctuation into one key', () => {
    expect(foldKey('  Montréal-Est ')).toBe('montreal est');
    expect(foldKey('St. Louis')).toBe('st louis');
  });
  it('builds a prefix FTS query that cannot carry FTS syntax', () => {
    expect(ftsQuery('Montré* OR "x"')).toBe('"montre"* "or"* "x"*');
    expect(ftsQuery('  ?? ')).toBeNull();
  });
  it('measures edit distance with an early cut-off', () => {
    expect(editDistance('seatle', 'seattle')).toBe(1);
    expect(editDistance('abc', 'xyzxyz', 2)).toBe(3);
  });
});

describe('geometry', () => {
  it('gives the great-circle distance Seattle–Tacoma (~40 km)', () => {
    const km = haversineKm(47.60621, -122.33207, 47.25288, -122.44429);
    expect(km).toBeGreaterThan(39);
    expect(km).toBeLessThan(41);
  });
  it('draws a box that contains every point within the radius', () => {
    const box = boundingBox(47.6, -122.3, 50);
    expect(haversineKm(47.6, -122.3, box.maxLat, -122.3)).toBeGreaterThanOrEqual(50);
    expect(haversineKm(47.6, -122.3, 47.6, box.maxLon)).toBeGreaterThanOrEqual(50);
  });
  it('wraps the box across the antimeridian', () => {
    const box = boundingBox(-17.7, 179.9, 100);
    expect(box.minLon).toBeGreaterThan(box.maxLon);
  });
  it('opens every longitude near a pole', () => {
    expect(boundingBox(89.8, 10, 100)).toMatchObject({ minLon: -180, maxLon: 180 });
  });
});

describe('countries', () => {
  it('accepts codes, English names and common aliases, stored as alpha-2', () => {
    expect(countryCode('ca')).toBe('CA');
    expect(countryCode('Canada')).toBe('CA');
    expect(countryCode('united states')).toBe('US');
    expect(countryCode('USA')).toBe('US');
    expect(countryCode('Côte d’Ivoire')).toBe('CI');
  });
  it('refuses what is not a country', () => {
    expect(countryCode('Atlantis')).toBeNull();
    expect(countryCode('EU')).toBeNull();
    expect(countryCode('QQ')).toBeNull();
  });
  it('shows the English name', () => {
    expect(countryName('CA')).toBe('Canada');
  });
  it('understands Spanish and French names, accents or not, without taking an English name from another country', () => {
    expect(['México', 'mexico', 'Mexique'].map(countryCode)).toEqual(['MX', 'MX', 'MX']);
    expect(['Alemania', 'Allemagne', 'España', 'Espagne', 'Estados Unidos', 'États-Unis'].map(countryCode)).toEqual(['DE', 'DE', 'ES', 'ES', 'US', 'US']);
    expect(countryAutocomplete('allem').map((c) => c.code)).toEqual(['DE']);
  });
  it('resolves a name to the current code, never a retired one Intl names the same (DD, UK)', () => {
    expect([countryCode('Germany'), countryCode('United Kingdom')]).toEqual(['DE', 'GB']);
    expect(countryAutocomplete('germ').map((c) => c.code)).toEqual(['DE']);
    expect(countryName('UK')).toBe('United Kingdom');
  });
});

describe('who may manage a space', () => {
  it('hosts and organizers may, others may not', () => {
    expect(canManage({ userId: 'h', isOrganizer: false }, ['h'])).toBe(true);
    expect(canManage({ userId: 'o', isOrganizer: true }, ['h'])).toBe(true);
    expect(canManage({ userId: 'x', isOrganizer: false }, ['h'])).toBe(false);
  });
});

describe('innerBox', () => {
  it('holds only points within the radius, at any latitude and radius it is given for', () => {
    for (const [lat, lon] of [[47.6, -122.3], [-33.9, 151.2], [0.1, 10], [64.1, -21.9], [-54.8, -68.3]] as const) {
      for (const radiusKm of [1, 50, 300, 1000]) {
        const box = innerBox(lat, lon, radiusKm);
        if (!box) continue;
        for (const [la, lo] of [[box.minLat, box.minLon], [box.minLat, box.maxLon], [box.maxLat, box.minLon], [box.maxLat, box.maxLon]]) {
          expect(haversineKm(lat, lon, la!, lo!)).toBeLessThanOrEqual(radiusKm);
        }
        // Not a needlessly small box: its corners reach most of the way out.
        expect(haversineKm(lat, lon, box.maxLat, lon)).toBeGreaterThan(0.6 * radiusKm);
      }
    }
    expect(innerBox(89.5, 0, 100)).toBeNull();
    expect(innerBox(10, 179.9, 100)).toBeNull();
  });
});
