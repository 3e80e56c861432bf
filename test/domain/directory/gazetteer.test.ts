// The shipped gazetteer: accent-insensitive prefix autocomplete ranked by population, lookups and suggestions.
import { describe, expect, it } from 'vitest';
import { worldGazetteer } from '../../../src/directory/gazetteer.js';

const g = worldGazetteer();

describe('gazetteer', () => {
  it('finds Montréal from "montre", biggest place first', () => {
    const [first] = g.autocomplete('montre');
    expect(first).toMatchObject({ name: 'Montréal', country: 'CA', region: 'Quebec' });
  });
  it('narrows autocomplete to a country', () => {
    const places = g.autocomplete('port', { country: 'US', limit: 5 });
    expect(places).toHaveLength(5);
    expect(places.every((p) => p.country === 'US')).toBe(true);
    expect(places[0]?.name).toBe('Portland');
  });
  it('looks up exact names, most populous first, with region names', () => {
    const portlands = g.lookup('portland', 'US');
    expect(portlands[0]).toMatchObject({ region: 'Oregon' });
    expect(portlands.map((p) => p.region)).toContain('Maine');
  });
  it('returns a place by its GeoNames id with coordinates', () => {
    const seattle = g.lookup('Seattle', 'US')[0]!;
    expect(g.byId(seattle.id)).toEqual(seattle);
    expect(seattle.lat).toBeCloseTo(47.606, 2);
    expect(seattle.lon).toBeCloseTo(-122.332, 2);
    expect(g.byId(1)).toBeNull();
  });
  it('suggests the closest names for a typo', () => {
    expect(g.closest('Seatle', 'US').map((p) => p.name)).toContain('Seattle');
    expect(g.closest('Kansas Cty', 'US').map((p) => p.name)).toContain('Kansas City');
  });
});
