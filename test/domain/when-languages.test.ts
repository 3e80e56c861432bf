// The date reader in Spanish and French: the same zone, DST and ambiguity handling as in English, refusals as
// message keys that read naturally in the member's language, and English still understood from every member.
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.js';
import type { Language } from '../../src/shared/languages.js';
import { choiceLabel, parseLocalDate, parseWhen, type WhenResult } from '../../src/shared/when.rules.js';
import { sayIn } from '../../src/i18n/translate.js';

/** Friday 20 November 2026, 12:00 UTC (13:00 in Paris, 06:00 in Chicago). */
const NOW = Date.parse('2026-11-20T12:00:00Z');
const at = (iso: string): number => Date.parse(iso);
const words = (language: Language, result: WhenResult): string =>
  result.kind === 'ok' ? 'ok' : t(language, result.text.key, result.text.values as Record<string, string | number>);

describe('parseWhen reads Spanish in the alliance zone', () => {
  it.each([
    ['viernes 17h', 'Europe/Paris', '2026-11-20T16:00:00Z'],
    ['viernes 17h', 'America/Chicago', '2026-11-20T23:00:00Z'],
    ['el viernes a las 17:00', 'Europe/Paris', '2026-11-20T16:00:00Z'],
    ['mañana 9:30', 'Europe/Paris', '2026-11-21T08:30:00Z'],
    ['mañana a las 9:30', 'America/Chicago', '2026-11-21T15:30:00Z'],
    ['pasado mañana 10:00', 'Europe/Paris', '2026-11-22T09:00:00Z'],
    ['en 2 horas', 'America/Chicago', '2026-11-20T14:00:00Z'],
    ['el próximo lunes 18:00', 'Europe/Paris', '2026-11-23T17:00:00Z'],
    ['17 de marzo 18:00', 'Europe/Paris', '2027-03-17T17:00:00Z'],
    ['next friday 5pm', 'Europe/Paris', '2026-11-27T16:00:00Z'],
  ])('"%s" in %s is %s', (text, zone, expected) => {
    expect(parseWhen(text, NOW, zone, { language: 'es' })).toEqual({ kind: 'ok', instant: at(expected) });
  });
});

describe('parseWhen reads French in the alliance zone', () => {
  it.each([
    ['vendredi prochain 17 h', 'Europe/Paris', '2026-11-27T16:00:00Z'],
    ['vendredi prochain 17 h', 'America/Chicago', '2026-11-27T23:00:00Z'],
    ['vendredi 17h30', 'Europe/Paris', '2026-11-20T16:30:00Z'],
    ['demain 9 h', 'Europe/Paris', '2026-11-21T08:00:00Z'],
    ['demain 9 h 30', 'Europe/Paris', '2026-11-21T08:30:00Z'],
    ['après-demain 10h', 'Europe/Paris', '2026-11-22T09:00:00Z'],
    ['dans 2 heures', 'America/Chicago', '2026-11-20T14:00:00Z'],
    ['dans 2h', 'Europe/Paris', '2026-11-20T14:00:00Z'],
    ['lundi prochain 18 h', 'Europe/Paris', '2026-11-23T17:00:00Z'],
    ['17 mars 18 h', 'Europe/Paris', '2027-03-17T17:00:00Z'],
    ['1er août 18h', 'Europe/Paris', '2027-08-01T16:00:00Z'],
    ['tomorrow 9:30', 'Europe/Paris', '2026-11-21T08:30:00Z'],
  ])('"%s" in %s is %s', (text, zone, expected) => {
    expect(parseWhen(text, NOW, zone, { language: 'fr' })).toEqual({ kind: 'ok', instant: at(expected) });
  });

  it('a member writing English only reads English ("vendredi" is not a day to them)', () => {
    expect(parseWhen('vendredi 17h', NOW, 'Europe/Paris')).toMatchObject({ kind: 'refused', reason: 'unreadable' });
  });
});

describe('DST nights in Spanish and French', () => {
  it('a wall time the clocks skip is refused with the day in the member’s words', () => {
    const fr = parseWhen('28 mars 2027 2h30', NOW, 'Europe/Paris', { language: 'fr' });
    expect(fr).toMatchObject({ kind: 'refused', reason: 'dst-gap' });
    expect(words('fr', fr)).toBe('02:30 le dimanche 28 mars 2027 n’existe pas à Europe/Paris\u00a0: cette nuit-là, on avance les horloges d’une heure. Choisissez une heure plus tard ou plus tôt.');
    const es = parseWhen('14 de marzo de 2027 2:30', NOW, 'America/Chicago', { language: 'es' });
    expect(words('es', es)).toContain('Las 02:30 del domingo, 14 de marzo de 2027 no existen en America/Chicago');
  });

  it('a wall time that happens twice asks which, with both offsets, in the member’s words', () => {
    const es = parseWhen('7 de noviembre de 2027 a las 1:30', NOW, 'America/Chicago', { language: 'es' });
    expect(es.kind).toBe('choose');
    if (es.kind !== 'choose') return;
    expect(es.choices.map((c) => c.instant)).toEqual([at('2027-11-07T06:30:00Z'), at('2027-11-07T07:30:00Z')]);
    expect(words('es', es)).toBe('Las 01:30 del domingo, 7 de noviembre de 2027 ocurren dos veces en America/Chicago (esa noche se atrasan los relojes). ¿Cuál de las dos quieres decir?');
    expect(es.choices.map((c) => choiceLabel(c, 'America/Chicago', sayIn('es'), 'es'))).toEqual(['01:30, la primera (UTC-05:00)', '01:30, la segunda (UTC-06:00)']);
    const fr = parseWhen('31 octobre 2027 2h30', NOW, 'Europe/Paris', { language: 'fr' });
    expect(fr.kind === 'choose' && fr.choices.map((c) => choiceLabel(c, 'Europe/Paris', sayIn('fr'), 'fr'))).toEqual(['02:30, la première (UTC+02:00)', '02:30, la seconde (UTC+01:00)']);
    expect(fr.kind === 'choose' && fr.choices.map((c) => choiceLabel(c, 'Europe/Paris', sayIn('en'), 'en'))).toEqual(['First 02:30 (UTC+02:00)', 'Second 02:30 (UTC+01:00)']);
  });
});

describe('numbers that could be day or month are never guessed, in any language', () => {
  it.each([['es'], ['fr']] as const)('"11/12/2027 18:00" from a member writing %s offers both days', (language) => {
    const result = parseWhen('11/12/2027 18:00', NOW, 'Europe/Paris', { language });
    expect(result).toMatchObject({ kind: 'choose', reason: 'day-month-order' });
    if (result.kind !== 'choose') return;
    expect(result.choices.map((c) => c.instant).sort()).toEqual([at('2027-11-12T17:00:00Z'), at('2027-12-11T17:00:00Z')]);
    const labels = result.choices.map((c) => choiceLabel(c, 'Europe/Paris', sayIn(language), language));
    expect(labels.sort()).toEqual(language === 'es' ? ['sáb, 11 dic 2027, 18:00', 'vie, 12 nov 2027, 18:00'] : ['sam. 11 déc. 2027, 18:00', 'ven. 12 nov. 2027, 18:00']);
  });

  it('the question reads naturally in each language', () => {
    const result = parseWhen('11/12/2027 18:00', NOW, 'Europe/Paris', { language: 'fr' });
    expect(words('fr', result)).toBe('«\u00a011/12/2027\u00a0» peut se lire de deux façons. Quel jour voulez-vous dire\u00a0?');
    expect(words('es', result)).toBe('"11/12/2027" se puede leer de dos maneras. ¿Qué día quieres decir?');
  });

  it('a day option names both readings with the month in the member’s words', () => {
    const day = parseLocalDate('11/12/2027', NOW, 'Europe/Paris', 'due', { language: 'fr' });
    expect(day.kind === 'refused' && t('fr', day.text.key, day.text.values as Record<string, string>)).toBe(
      'due «\u00a011/12/2027\u00a0» peut se lire de deux façons (le jour ou le mois d’abord)\u00a0: écrivez le mois en toutes lettres, comme «\u00a012 novembre\u00a0» ou «\u00a011 décembre\u00a0».',
    );
    const es = parseLocalDate('11/12/2027', NOW, 'Europe/Paris', 'due', { language: 'es' });
    expect(es.kind === 'refused' && t('es', es.text.key, es.text.values as Record<string, string>)).toContain('como "12 de noviembre" o "11 de diciembre"');
  });
});

describe('refusals in the member’s language', () => {
  it('text that is no date names the words and gives examples', () => {
    expect(words('fr', parseWhen('quand vous voulez', NOW, 'Europe/Paris', { language: 'fr' }))).toBe(
      'Je n’ai pas trouvé de date et d’heure dans «\u00a0quand vous voulez\u00a0». Essayez «\u00a02026-11-27 18:00\u00a0», «\u00a0jeudi prochain 18h\u00a0», «\u00a0dans 3 heures\u00a0» ou «\u00a0demain 9h30\u00a0».',
    );
    expect(words('es', parseWhen('cuando quieras', NOW, 'Europe/Paris', { language: 'es' }))).toBe(
      'No encontré una fecha y hora en "cuando quieras". Prueba con "2026-11-27 18:00", "el próximo jueves 18:00", "en 3 horas" o "mañana 9:30".',
    );
  });

  it('a time already past is shown as the member writes days', () => {
    expect(words('es', parseWhen('ayer 10:00', NOW, 'Europe/Paris', { language: 'es' }))).toBe('jue, 19 nov 2026, 10:00 (Europe/Paris) ya pasó: elige un momento en el futuro.');
    expect(words('fr', parseWhen('hier 10h', NOW, 'Europe/Paris', { language: 'fr' }))).toBe('jeu. 19 nov. 2026, 10:00 (Europe/Paris) est déjà passé\u00a0: choisissez un moment à venir.');
  });

  it('a day without its hour asks for the hour', () => {
    expect(words('es', parseWhen('viernes', NOW, 'Europe/Paris', { language: 'es' }))).toBe('A "viernes" le falta la hora, por ejemplo "viernes 18:00".');
  });

  it('in English the keys read as the sentences English members have always seen', () => {
    const berlin = (text: string) => words('en', parseWhen(text, NOW, 'Europe/Berlin'));
    const hint = 'Try "2026-11-27 18:00", "next thursday 6pm", "in 3 hours" or "tomorrow 9:30".';
    expect(berlin('whenever')).toBe(`I could not read a date and time in "whenever". ${hint}`);
    expect(berlin('')).toBe(`Say when. ${hint}`);
    expect(berlin('yesterday 10:00')).toBe('Thu 19 Nov 2026, 10:00 (Europe/Berlin) has already passed: pick a time in the future.');
    expect(berlin('friday')).toBe('"friday" needs a time of day, e.g. "friday 18:00".');
    expect(berlin('2027-03-28 02:30')).toBe('02:30 on Sunday 28 March 2027 does not exist in Europe/Berlin: the clocks jump forward over it that night. Pick a time an hour later or earlier.');
    expect(berlin('2027-10-31 02:30')).toBe('02:30 on Sunday 31 October 2027 happens twice in Europe/Berlin (the clocks go back that night). Which one did you mean?');
    expect(berlin('11/12/2027 18:00')).toBe('"11/12/2027" can be read two ways. Which day did you mean?');
    expect(berlin('tomorrow 6pm blah')).toBe(`I understood "tomorrow 6pm" but not "blah". ${hint}`);
    expect(berlin('2031-05-09 18:00')).toBe('That is more than two years ahead: check the year.');
    const day = (text: string, field: string, options = {}) => {
      const result = parseLocalDate(text, NOW, 'Europe/Berlin', field, options);
      return result.kind === 'refused' ? t('en', result.text.key, result.text.values as Record<string, string>) : 'ok';
    };
    expect(day('last friday', 'until')).toBe('until: Friday 13 November 2026 has already passed.');
    expect(day('whenever', 'paid-on', { nearest: true })).toBe('I could not read paid-on "whenever" as a day: try "2026-11-13", "last friday" or "yesterday".');
    expect(day('whenever', 'until')).toBe('I could not read until "whenever" as a day: try "2026-11-27", "next friday" or "in 3 days".');
    expect(day('11/12/2027', 'until')).toBe('until "11/12/2027" can be read two ways (day first or month first): write the month in words, like "12 november" or "11 december".');
    expect(day('2026-02-30', 'until')).toBe('until "2026-02-30" is not a calendar date.');
  });
});

describe('parseLocalDate reads days in Spanish and French', () => {
  const past = { allowPast: true };
  it.each([
    ['es', 'pasado mañana', '2026-11-22'],
    ['es', 'dentro de 3 días', '2026-11-23'],
    ['es', 'hace 2 semanas', '2026-11-06'],
    ['es', 'hace dos días', '2026-11-18'],
    ['es', 'el próximo lunes', '2026-11-23'],
    ['es', '17 de marzo', '2027-03-17'],
    ['es', 'ayer', '2026-11-19'],
    ['fr', 'après-demain', '2026-11-22'],
    ['fr', 'dans 3 jours', '2026-11-23'],
    ['fr', 'il y a 2 semaines', '2026-11-06'],
    ['fr', 'lundi prochain', '2026-11-23'],
    ['fr', '1er août', '2027-08-01'],
    ['fr', 'vendredi dernier', '2026-11-13'],
    ['fr', 'next friday', '2026-11-27'],
    ['fr', 'aujourd’hui', '2026-11-20'],
  ] as const)('%s: "%s" is %s', (language, text, expected) => {
    expect(parseLocalDate(text, NOW, 'Europe/Paris', 'due', { ...past, language })).toEqual({ kind: 'ok', date: expected });
  });

  it('a day already past is refused with the day in the member’s words', () => {
    const day = parseLocalDate('il y a 2 semaines', NOW, 'Europe/Paris', 'due', { language: 'fr' });
    expect(day.kind === 'refused' && t('fr', day.text.key, day.text.values as Record<string, string>)).toBe('due\u00a0: le vendredi 6 novembre 2026 est déjà passé.');
  });
});
