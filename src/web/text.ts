// Every sentence a visitor reads on the public page, in the alliance's language (web.* keys); dates in words.
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { sayIn, type Say } from '../i18n/translate.js';
import type { Language } from '../shared/languages.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Dates in English keep the day-month order the page always used; the other languages use their own. */
const INTL_LOCALE: Record<Language, string> = { en: 'en-GB', es: 'es', fr: 'fr' };

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The map's credit to OpenStreetMap as HTML for Leaflet: the words in the language around the one fixed link. */
function attribution(say: Say): string {
  const [before = '', after = ''] = say('web.map.attribution', { osm: '\u0000' }).split('\u0000');
  return `${escapeHtml(before)}<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>${escapeHtml(after)}`;
}

/** The words of the public page in one language (the alliance's): every sentence from the catalogues' `web.*` keys. */
function makeWebText(language: Language) {
  const say: Say = sayIn(language);
  const dates = {
    instant: new Map<string, Intl.DateTimeFormat>(),
    day: new Map<string, Intl.DateTimeFormat>(),
  };
  const formatter = (kind: 'instant' | 'day', timeZone: string) => {
    let format = dates[kind].get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat(INTL_LOCALE[language], kind === 'instant' ? { dateStyle: 'full', timeStyle: 'short', timeZone } : { dateStyle: 'long', timeZone });
      dates[kind].set(timeZone, format);
    }
    return format;
  };
  return {
    language,
    say,
    directoryTitle: (alliance: string) => say('web.title.directory', { alliance }),
    mapTitle: (alliance: string) => say('web.title.map', { alliance }),
    updatesTitle: (alliance: string) => say('web.title.updates', { alliance }),
    updateTitle: (alliance: string, title: string) => say('web.title.update', { alliance, title }),
    skip: say('web.skip'),
    nav: { directory: say('web.nav.directory'), map: say('web.nav.map'), updates: say('web.nav.updates'), calendar: say('web.nav.calendar'), json: say('web.nav.json'), label: say('web.nav.label') },
    search: {
      legend: say('web.search.legend'),
      text: say('web.search.text'),
      city: say('web.search.city'),
      country: say('web.search.country'),
      tag: say('web.search.tag'),
      minDesks: say('web.search.minDesks'),
      maxDesks: say('web.search.maxDesks'),
      submit: say('web.search.submit'),
      reset: say('web.search.reset'),
    },
    results: (total: number, capped: boolean) =>
      capped ? say('web.results.capped', { count: total - 1 }) : total === 0 ? say('web.results.none') : say('web.results.count', { count: total }),
    noResults: say('web.results.tryFewer'),
    pageOf: (page: number, count: number) => say('web.pager.pageOf', { page, count }),
    previous: say('web.pager.previous'),
    next: say('web.pager.next'),
    pagination: say('web.pager.label'),
    desks: (count: number) => say('web.desks', { count }),
    desksValue: (count: number) => say('web.desksValue', { count }),
    fields: {
      desks: say('web.field.desks'),
      website: say('web.field.website'),
      hours: say('web.field.hours'),
      dayPass: say('web.field.dayPass'),
      booking: say('web.field.booking'),
      accessibility: say('web.field.accessibility'),
      tags: say('web.field.tags'),
      where: say('web.field.where'),
    },
    back: say('web.back'),
    onMap: (name: string) => say('web.onMap', { name }),
    mapIntro: (count: number) => say('web.map.intro', { count }),
    mapRegion: say('web.map.region'),
    /** What map.js gives Leaflet (data attributes of the map's box): the tiles' credit and the zoom buttons' names. */
    mapWords: { attribution: attribution(say), zoomIn: say('web.map.zoomIn'), zoomOut: say('web.map.zoomOut') },
    listHeading: say('web.map.listHeading'),
    updatesIntro: say('web.updates.intro'),
    noUpdates: say('web.updates.none'),
    emailVersion: say('web.updates.emailVersion'),
    postedOn: (when: string) => say('web.updates.postedOn', { when }),
    notFound: say('web.error.notFound'),
    badRequest: say('web.error.badRequest'),
    tooMany: say('web.error.tooMany'),
    busy: say('web.error.busy'),
    tooLong: (field: string) => say('web.error.tooLong', { field }),
    wholeNumber: (field: string) => say('web.error.wholeNumber', { field }),
    failed: say('web.error.failed'),
    anAlliance: say('web.anAlliance'),
    footer: say('web.footer'),
    memberFeedName: (alliance: string) => say('web.feed.members', { alliance }),
    publicFeedName: (alliance: string) => say('web.feed.public', { alliance }),
    coworkingDayEvent: (title: string, space: string) => say('web.feed.coworkingDayEvent', { title, space }),
    aMember: say('web.aMember'),
    aChannel: say('web.aChannel'),
    /** An instant in the alliance's zone, in words: "Monday, 9 August 2027 at 10:00 (Europe/Berlin)". */
    instant: (ms: number, timeZone: string) => say('web.when', { when: formatter('instant', timeZone).format(ms), zone: timeZone.replace(/_/g, ' ') }),
    /** A calendar day in words: "9 August 2027". */
    day: (ms: number, timeZone: string) => formatter('day', timeZone).format(ms),
  };
}

export type WebText = ReturnType<typeof makeWebText>;

const texts = new Map<Language, WebText>();

/** The page's words in `language`, made once per language. */
export function webText(language: Language): WebText {
  let text = texts.get(language);
  if (!text) {
    text = makeWebText(language);
    texts.set(language, text);
  }
  return text;
}

/** English: for what no alliance is known for (an unknown address, a static file). */
export const ENGLISH = webText('en');

const TOKEN = /<t:(-?\d+)(?::[tTdDfFR])?>|<@!?&?\d+>|<#\d+>|\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

/**
 * A line of Discord markdown as posted in an update, as HTML: escaped text, bold, links; Discord timestamps as
 * dates in words, and mentions as "a member"/"a channel" (no ids or names of members leave for the web).
 */
export function discordLine(T: WebText, text: string, timeZone: string, linkStyle = ''): Html {
  const parts: Html[] = [];
  // Backslashes that escape markdown in Discord are not shown there, so not here either.
  const unescape = (part: string) => part.replace(/\\([\\*_`~|>[\]()#-])/g, '$1');
  const plain = (from: number, to?: number) => unescape(text.slice(from, to));
  let at = 0;
  for (const match of text.matchAll(TOKEN)) {
    parts.push(html`${plain(at, match.index)}`);
    const [whole, unix, bold, label, url] = match;
    if (unix !== undefined) parts.push(html`${T.instant(Number(unix) * 1000, timeZone)}`);
    else if (bold !== undefined) parts.push(html`<strong>${unescape(bold)}</strong>`);
    else if (label !== undefined && url !== undefined) parts.push(linkStyle ? html`<a href="${url}" style="${linkStyle}">${unescape(label)}</a>` : html`<a href="${url}">${unescape(label)}</a>`);
    else parts.push(html`${whole.startsWith('<#') ? T.aChannel : T.aMember}`);
    at = match.index + whole.length;
  }
  parts.push(html`${plain(at)}`);
  return html`${parts}`;
}

export { raw };
