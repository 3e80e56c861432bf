// Resolves what a member typed for city/country/region/coordinates into a checked place, or says what is wrong.
import { msg, problem, type FieldProblem } from '../shared/errors.js';
import { countryCode } from './countries.js';
import type { Gazetteer, Place } from './gazetteer.js';
import { foldKey } from './text.rules.js';

export interface ResolvedPlace {
  city: string;
  cityKey: string;
  placeId: number | null;
  region: string | null;
  country: string;
  latitude: number;
  longitude: number;
}

export interface PlaceInput {
  /** A gazetteer id (what autocomplete sends) or a name ("Montréal" or "Montréal, Quebec, Canada"). */
  city: string;
  country: string;
  region?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

const describe = (place: Place) => (place.region ? `${place.name} (${place.region})` : place.name);

/** City first narrowed by country, then by region when the member gave one; the most populous wins. */
function pickPlace(gazetteer: Gazetteer, input: PlaceInput, country: string): Place | { wrongCountry: Place } | null {
  const typed = input.city.trim();
  if (/^\d{1,9}$/.test(typed)) {
    const place = gazetteer.byId(Number(typed));
    if (place) return place.country === country ? place : { wrongCountry: place };
  }
  // The whole text first, so "Washington, DC" is the capital, not a town named Washington in region "DC".
  const whole = gazetteer.lookup(typed, country);
  if (whole.length > 0 && typed.includes(',')) return whole[0]!;
  const name = typed.split(',')[0] ?? typed;
  const candidates = whole.length > 0 ? whole : gazetteer.lookup(name, country);
  if (candidates.length === 0) return null;
  const regionKey = input.region ? foldKey(input.region) : '';
  const hint = typed.includes(',') ? foldKey(typed.split(',')[1] ?? '') : '';
  for (const key of [regionKey, hint]) {
    const inRegion = key ? candidates.find((place) => place.region && foldKey(place.region) === key) : undefined;
    if (inRegion) return inRegion;
  }
  return candidates[0]!;
}

export function resolvePlace(gazetteer: Gazetteer, input: PlaceInput, prefix = ''): ResolvedPlace | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const country = countryCode(input.country);
  if (!country) {
    problems.push(problem(`${prefix}country`, msg('directory.place.unknownCountry', { field: `${prefix}country`, country: input.country.slice(0, 60) })));
  }
  const hasLat = input.latitude !== null && input.latitude !== undefined;
  const hasLon = input.longitude !== null && input.longitude !== undefined;
  if (hasLat !== hasLon) {
    problems.push(problem(`${prefix}${hasLat ? 'longitude' : 'latitude'}`, msg('directory.place.latLonTogether', { field: `${prefix}latitude` })));
  }
  if (!country) return problems;
  const picked = pickPlace(gazetteer, input, country);
  if (!picked || 'wrongCountry' in picked) {
    const typed = picked ? picked.wrongCountry.name : (input.city.split(',')[0] ?? input.city).trim().slice(0, 60);
    const closest = gazetteer.closest(typed, country, 5).map(describe);
    const field = `${prefix}city`;
    const message = picked
      ? msg('directory.place.wrongCountry', { field, city: picked.wrongCountry.name, actual: { country: picked.wrongCountry.country }, country: { country } })
      : closest.length
        ? msg('directory.place.unknownCityClosest', { field, city: typed, country: { country }, closest: closest.join(', ') })
        : msg('directory.place.unknownCity', { field, city: typed, country: { country } });
    problems.push(problem(field, message));
    return problems;
  }
  if (problems.length) return problems;
  return {
    city: picked.name,
    cityKey: foldKey(picked.name),
    placeId: picked.id,
    region: input.region?.trim() || picked.region,
    country,
    latitude: hasLat ? input.latitude! : picked.lat,
    longitude: hasLon ? input.longitude! : picked.lon,
  };
}
