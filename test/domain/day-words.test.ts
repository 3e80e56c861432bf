// Calendar days in words, in each language the bot speaks.
import { describe, expect, it } from 'vitest';
import { dayInWords, dayOfInstant } from '../../src/shared/day-words.js';

describe('a day in words', () => {
  it('reads as each language writes a date', () => {
    expect(dayInWords('2027-08-09')).toBe('Monday 9 August 2027');
    expect(dayInWords('2027-08-09', 'es')).toBe('lunes, 9 de agosto de 2027');
    expect(dayInWords({ year: 2027, month: 8, day: 1 }, 'fr')).toBe('dimanche 1er août 2027');
  });

  it('is the alliance\'s day at an instant, whatever the language', () => {
    const lateInSeattle = Date.parse('2027-08-10T05:30:00Z');
    expect(dayOfInstant(lateInSeattle, 'America/Los_Angeles', 'es')).toBe('lunes, 9 de agosto de 2027');
    expect(dayOfInstant(lateInSeattle, 'Europe/Paris', 'fr')).toBe('mardi 10 août 2027');
  });

  it('gives back text that is not a date unchanged', () => {
    expect(dayInWords('someday', 'fr')).toBe('someday');
  });
});
