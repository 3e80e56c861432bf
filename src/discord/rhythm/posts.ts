// Rhythm's public posts in the alliance's language: the monthly update (every feature's section said through the
// catalogues), the organizers' companion, the Coworking Day reminders, the week announcement and the countdown.
import { COWORKING_DAY_COLOR, discordTime, UPDATE_COLOR, type HostedEventView, type WeekView } from '../../rhythm/content.rules.js';
import { layoutPost, type LayoutSection, type LayoutWords } from '../../rhythm/layout.rules.js';
import type { RhythmWriter, WriterFor } from '../../rhythm/ports.js';
import type { AllianceSettings } from '../../alliances/alliances.service.js';
import { sayIn, sayRef, type Say, type SayableRef } from '../../i18n/translate.js';
import { dayInWords, dayOfInstant, monthInWords } from '../../shared/day-words.js';
import type { Language } from '../../shared/languages.js';
import { escapeMarkdown, plainUrl, unmaskLinks } from '../../shared/markdown.js';
import type { SectionLine, UpdateSectionContent } from '../../shared/update-section.js';
import type { Client } from 'discord.js';
import { publicLanguageOf } from '../language.js';

/** One line of a feature's section in `language`: English text as it is, a sentence by key said with its days and lists. */
export function sectionLine(say: Say, language: Language, line: SectionLine): string {
  if (typeof line === 'string') return line;
  const values: NonNullable<SayableRef['values']> = { ...(line.values as SayableRef['values']) };
  for (const [name, day] of Object.entries(line.days ?? {})) values[name] = dayInWords(day, language);
  const lists = new Intl.ListFormat(language, { type: 'conjunction' });
  for (const [name, items] of Object.entries(line.lists ?? {})) values[name] = lists.format(items);
  return sayRef(say, { key: line.key, values });
}

function sectionsIn(say: Say, language: Language, sections: UpdateSectionContent[]): LayoutSection[] {
  return sections
    .map((section) => ({
      title: sectionLine(say, language, section.title),
      lines: section.lines.map((line) => sectionLine(say, language, line)).filter((line) => line.trim().length > 0),
    }))
    .filter((section) => section.lines.length > 0);
}

function layoutWords(say: Say): LayoutWords {
  return { continued: (title) => say('rhythm.layout.continued', { title }), part: (index, count) => say('rhythm.layout.part', { index, count }) };
}

function eventLine(say: Say, event: HostedEventView): string {
  const values = {
    space: escapeMarkdown(event.spaceName),
    title: escapeMarkdown(event.title),
    start: discordTime(event.startsAt, 'f'),
    end: discordTime(event.endsAt, 't'),
    host: `<@${event.hostUserId}>`,
  };
  return event.link ? say('rhythm.hosting.lineWithLink', { ...values, link: plainUrl(event.link) }) : say('rhythm.hosting.line', values);
}

/** Who hosts what, and the call to add yours: in every reminder and in /coworkingday show. */
export function hostingSections(say: Say, events: HostedEventView[]): LayoutSection[] {
  return [
    {
      title: say('rhythm.hosting.title', { count: events.length }),
      lines: events.length > 0 ? events.map((event) => eventLine(say, event)) : [say('rhythm.hosting.none')],
    },
    { title: say('rhythm.hosting.addTitle'), lines: [say('rhythm.hosting.add')] },
  ];
}

/** "**KC Coworking Week** runs from … to …." */
export function weekRuns(say: Say, language: Language, week: WeekView, timeZone: string): string {
  return say('rhythm.week.runs', { name: week.name, from: dayOfInstant(week.startsAt, timeZone, language), to: dayOfInstant(week.endsAt, timeZone, language) });
}

/** The rhythm's posts written in one language. */
export function rhythmWriter(language: Language): RhythmWriter {
  const say = sayIn(language);
  const words = layoutWords(say);
  return {
    update(draft) {
      const sections = sectionsIn(say, language, draft.sections);
      const quiet = sections.length === 0 && !draft.note;
      const month = monthInWords(draft.period, language);
      const period = say('rhythm.update.period', { from: dayOfInstant(draft.from, draft.timeZone, language), to: dayOfInstant(draft.aheadTo, draft.timeZone, language) });
      const intro = quiet ? say('rhythm.update.quiet') : draft.note ? `${say('rhythm.update.noteHeading')}\n${unmaskLinks(draft.note)}\n\n${period}` : period;
      return layoutPost({
        title: quiet ? say('rhythm.update.titleQuiet', { month }) : say('rhythm.update.title', { month }),
        intro,
        sections,
        color: UPDATE_COLOR,
        words,
      });
    },

    organizersNote(period, sections) {
      const kept = sectionsIn(say, language, sections);
      if (kept.length === 0) return [];
      return layoutPost({
        title: say('rhythm.organizers.title', { month: monthInWords(period, language) }),
        intro: say('rhythm.organizers.intro'),
        sections: kept,
        color: UPDATE_COLOR,
        words,
      });
    },

    reminder(draft) {
      const when =
        draft.offset === 0
          ? say('rhythm.reminder.today')
          : say('rhythm.reminder.when', { day: dayOfInstant(draft.coworkingDayAt, draft.timeZone, language), relative: discordTime(draft.coworkingDayAt, 'R') });
      const week = draft.week ? `\n${weekRuns(say, language, draft.week, draft.timeZone)}` : '';
      const title = [30, 7, 1, 0].includes(draft.offset) ? say(`rhythm.reminder.title.${draft.offset}`) : say('rhythm.countdown.title');
      return layoutPost({ title, intro: `${when}${week}`, sections: hostingSections(say, draft.events), color: COWORKING_DAY_COLOR, words });
    },

    weekAnnouncement(draft) {
      return layoutPost({
        title: say('rhythm.week.title', { name: draft.week.name }),
        intro: say('rhythm.week.intro', {
          from: dayOfInstant(draft.week.startsAt, draft.timeZone, language),
          to: dayOfInstant(draft.week.endsAt, draft.timeZone, language),
          day: dayOfInstant(draft.coworkingDayAt, draft.timeZone, language),
        }),
        sections: hostingSections(say, draft.events),
        color: COWORKING_DAY_COLOR,
        words,
      });
    },
  };
}

/** Each alliance's posts in its language (chosen, or its server's), as scheduled jobs and /updates post-now need. */
export function writerFor(client: Client, settingsOf: (guildId: string) => Pick<AllianceSettings, 'language'>): WriterFor {
  return (guildId) => rhythmWriter(publicLanguageOf(client, settingsOf(guildId), guildId));
}
