// Every sentence a visitor reads on the public page, in one place, with plurals; dates in words, instants with zone.
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export const T = {
  directoryTitle: (alliance: string) => `${alliance}: coworking spaces`,
  mapTitle: (alliance: string) => `${alliance}: map of spaces`,
  updatesTitle: (alliance: string) => `${alliance}: monthly updates`,
  skip: 'Skip to content',
  nav: { directory: 'Spaces', map: 'Map', updates: 'Updates', calendar: 'Calendar (iCal)', json: 'Data (JSON)' },
  search: {
    legend: 'Find a space',
    text: 'Words (name, city, description…)',
    city: 'City',
    country: 'Country (name or code)',
    tag: 'Tag',
    minDesks: 'At least this many desks',
    maxDesks: 'At most this many desks',
    submit: 'Search',
    reset: 'Clear the search',
  },
  results: (total: number, capped: boolean) => (capped ? `More than ${plural(total - 1, 'space', 'spaces')} match.` : total === 0 ? 'No space matches.' : `${plural(total, 'space matches', 'spaces match')}.`),
  noResults: 'Try fewer words or remove a filter.',
  pageOf: (page: number, count: number) => `Page ${page} of ${count}`,
  previous: 'Previous page',
  next: 'Next page',
  pagination: 'Pages of results',
  desks: (n: number) => plural(n, 'desk', 'desks'),
  fields: {
    desks: 'Desks',
    website: 'Website',
    hours: 'Opening hours',
    dayPass: 'Day pass',
    booking: 'Booking a day pass',
    accessibility: 'Accessibility',
    tags: 'Tags',
    where: 'Where',
  },
  back: 'Back to all spaces',
  onMap: (name: string) => `${name} on the map`,
  mapIntro: (n: number) => `${plural(n, 'space', 'spaces')} of the alliance. The map needs JavaScript and map tiles; every space is also listed below.`,
  mapRegion: 'Map of the spaces',
  listHeading: 'All spaces',
  updatesIntro: 'The monthly updates the alliance posted, newest first.',
  noUpdates: 'No monthly update has been posted yet.',
  emailVersion: 'E-mail version (to paste into a mailing list)',
  postedOn: (when: string) => `Posted ${when}`,
  notFound: 'Not found',
  badRequest: 'Some search fields need fixing:',
  tooMany: 'Too many requests: wait a moment and try again.',
  busy: 'The page is busy right now: try again in a moment.',
  tooLong: (field: string) => `${field} is too long`,
  wholeNumber: (field: string) => `${field} must be a whole number`,
  failed: 'Something went wrong. Please try again later.',
  anAlliance: 'Alliance',
  footer: 'Listings are shown with their hosts’ consent.',
  memberFeedName: (alliance: string) => `${alliance}: all meetings`,
  publicFeedName: (alliance: string) => `${alliance}: public events`,
  coworkingDayEvent: (title: string, space: string) => `${title} at ${space}`,
  aMember: 'a member',
  aChannel: 'a channel',
};

/** An instant in the alliance's zone, in words: "Monday, 9 August 2027 at 10:00 (Europe/Berlin)". */
export function instant(ms: number, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(ms);
  return `${text} (${timeZone.replace(/_/g, ' ')})`;
}

/** A calendar day in words: "9 August 2027". */
export function day(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone }).format(ms);
}

const TOKEN = /<t:(-?\d+)(?::[tTdDfFR])?>|<@!?&?\d+>|<#\d+>|\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

/**
 * A line of Discord markdown as posted in an update, as HTML: escaped text, bold, links; Discord timestamps as
 * dates in words, and mentions as "a member"/"a channel" (no ids or names of members leave for the web).
 */
export function discordLine(text: string, timeZone: string, linkStyle = ''): Html {
  const parts: Html[] = [];
  // Backslashes that escape markdown in Discord are not shown there, so not here either.
  const unescape = (part: string) => part.replace(/\\([\\*_`~|>[\]()#-])/g, '$1');
  const plain = (from: number, to?: number) => unescape(text.slice(from, to));
  let at = 0;
  for (const match of text.matchAll(TOKEN)) {
    parts.push(html`${plain(at, match.index)}`);
    const [whole, unix, bold, label, url] = match;
    if (unix !== undefined) parts.push(html`${instant(Number(unix) * 1000, timeZone)}`);
    else if (bold !== undefined) parts.push(html`<strong>${unescape(bold)}</strong>`);
    else if (label !== undefined && url !== undefined) parts.push(linkStyle ? html`<a href="${url}" style="${linkStyle}">${unescape(label)}</a>` : html`<a href="${url}">${unescape(label)}</a>`);
    else parts.push(html`${whole.startsWith('<#') ? T.aChannel : T.aMember}`);
    at = match.index + whole.length;
  }
  parts.push(html`${plain(at)}`);
  return html`${parts}`;
}

export { raw };
