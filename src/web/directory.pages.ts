// The public directory's pages: search with filters and paging (a GET form, no script needed), a space page with
// schema.org LocalBusiness data, and the map with every space also listed as text.
import { html, raw } from 'hono/html';
import type { PublicSpace } from '../directory/directory-public.rules.js';
import { page, type Html, type PageFrame } from './layout.js';
import type { WebText } from './text.js';

export interface SearchForm {
  q: string;
  city: string;
  country: string;
  tag: string;
  minDesks: string;
  maxDesks: string;
}

export interface ResultsView {
  items: PublicSpace[];
  total: number;
  totalCapped: boolean;
  /** 1-based. */
  page: number;
  pageCount: number;
}

const where = (s: Pick<PublicSpace, 'city' | 'region' | 'countryName'>) => [s.city, s.region, s.countryName].filter(Boolean).join(', ');

function tagList(T: WebText, tags: string[]): Html {
  return tags.length ? html`<ul class="tags" aria-label="${T.fields.tags}">${tags.map((t) => html`<li>${t}</li>`)}</ul>` : html``;
}

/** The map script's words in the page's language (static/map.js reads them from the map's box). */
function mapWords(T: WebText): Html {
  return html` data-attribution="${T.mapWords.attribution}" data-zoom-in="${T.mapWords.zoomIn}" data-zoom-out="${T.mapWords.zoomOut}"`;
}

function field(id: keyof SearchForm, label: string, value: string, type = 'text'): Html {
  const name = id === 'minDesks' ? 'min-desks' : id === 'maxDesks' ? 'max-desks' : id;
  const extra = type === 'number' ? raw(' inputmode="numeric" min="1"') : '';
  return html`<div><label for="f-${name}">${label}</label><input id="f-${name}" name="${name}" type="${type}" value="${value}"${extra}></div>`;
}

function query(form: SearchForm, pageNo: number): string {
  const params = new URLSearchParams();
  const pairs: [string, string][] = [['q', form.q], ['city', form.city], ['country', form.country], ['tag', form.tag], ['min-desks', form.minDesks], ['max-desks', form.maxDesks]];
  for (const [key, value] of pairs) if (value) params.set(key, value);
  if (pageNo > 1) params.set('page', String(pageNo));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function directoryPage(frame: PageFrame, form: SearchForm, results: ResultsView | null, problems: string[]): Html {
  const T = frame.text;
  const pager =
    results && results.pageCount > 1
      ? html`<nav class="pager" aria-label="${T.pagination}">
${results.page > 1 ? html`<a rel="prev" href="${frame.base}/${query(form, results.page - 1)}">${T.previous}</a>` : ''}
<span>${T.pageOf(results.page, results.pageCount)}</span>
${results.page < results.pageCount ? html`<a rel="next" href="${frame.base}/${query(form, results.page + 1)}">${T.next}</a>` : ''}
</nav>`
      : '';
  return page(
    frame,
    html`<h1>${frame.title}</h1>
<form class="search" method="get" action="${frame.base}/" role="search">
<fieldset>
<legend>${T.search.legend}</legend>
${field('q', T.search.text, form.q, 'search')}
${field('city', T.search.city, form.city)}
${field('country', T.search.country, form.country)}
${field('tag', T.search.tag, form.tag)}
${field('minDesks', T.search.minDesks, form.minDesks, 'number')}
${field('maxDesks', T.search.maxDesks, form.maxDesks, 'number')}
<div><button type="submit">${T.search.submit}</button> <a href="${frame.base}/">${T.search.reset}</a></div>
</fieldset>
</form>
${problems.length ? html`<div class="errors" role="alert"><p>${T.badRequest}</p><ul>${problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
${
  results
    ? html`<p role="status">${T.results(results.total, results.totalCapped)}${results.total === 0 ? ` ${T.noResults}` : ''}</p>
<ol class="spaces">
${results.items.map(
  (s) => html`<li class="space"><h2><a href="${frame.base}/spaces/${s.path}">${s.name}</a></h2>
<p class="meta">${where(s)}${s.desks ? ` · ${T.desks(s.desks)}` : ''}</p>${tagList(T, s.tags)}</li>`,
)}
</ol>
${pager}`
    : ''
}`,
  );
}

/** schema.org LocalBusiness for search engines; `<` escaped so no text can close the script element. */
function jsonLd(space: PublicSpace, url: string): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'LocalBusiness',
    name: space.name,
    url,
    ...(space.website ? { sameAs: space.website } : {}),
    ...(space.description ? { description: space.description } : {}),
    address: { '@type': 'PostalAddress', addressLocality: space.city, ...(space.region ? { addressRegion: space.region } : {}), addressCountry: space.country },
    geo: { '@type': 'GeoCoordinates', latitude: space.latitude, longitude: space.longitude },
    ...(space.hours ? { openingHours: space.hours } : {}),
    ...(space.tags.length ? { keywords: space.tags.join(', ') } : {}),
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export function spacePage(frame: PageFrame, space: PublicSpace, canonical: string): Html {
  const T = frame.text;
  const facts: [string, string | null][] = [
    [T.fields.where, where(space)],
    [T.fields.desks, space.desks ? T.desksValue(space.desks) : null],
    [T.fields.hours, space.hours],
    [T.fields.dayPass, space.dayPass],
    [T.fields.booking, space.booking],
    [T.fields.accessibility, space.accessibility],
  ];
  const marker = JSON.stringify([{ lat: space.latitude, lon: space.longitude, name: space.name, where: where(space), url: canonical }]).replace(/</g, '\\u003c');
  return page(
    { ...frame, head: html`<link rel="stylesheet" href="/static/leaflet/leaflet.css"><link rel="canonical" href="${canonical}"><script type="application/ld+json">${raw(jsonLd(space, canonical))}</script>`, scripts: ['/static/leaflet/leaflet.js', '/static/map.js'] },
    html`<article class="space-page">
<h1>${space.name}</h1>
${space.description ? html`<p>${space.description}</p>` : ''}
<dl class="facts">
${facts.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}
${space.website ? html`<dt>${T.fields.website}</dt><dd><a href="${space.website}" rel="nofollow noopener">${space.website}</a></dd>` : ''}
</dl>
${tagList(T, space.tags)}
<div id="map" class="minimap" role="region" aria-label="${T.onMap(space.name)}"${mapWords(T)}></div>
<script type="application/json" id="map-data">${raw(marker)}</script>
<p><a href="${frame.base}/">${T.back}</a></p>
</article>`,
  );
}

export function mapPage(frame: PageFrame, spaces: PublicSpace[]): Html {
  const T = frame.text;
  const markers = JSON.stringify(spaces.map((s) => ({ lat: s.latitude, lon: s.longitude, name: s.name, where: where(s), url: `${frame.base}/spaces/${s.path}` }))).replace(/</g, '\\u003c');
  return page(
    { ...frame, head: html`<link rel="stylesheet" href="/static/leaflet/leaflet.css">`, scripts: ['/static/leaflet/leaflet.js', '/static/map.js'] },
    html`<h1>${frame.title}</h1>
<p>${T.mapIntro(spaces.length)}</p>
<div id="map" role="region" aria-label="${T.mapRegion}"${mapWords(T)}></div>
<script type="application/json" id="map-data">${raw(markers)}</script>
<h2>${T.listHeading}</h2>
<ul class="spaces">
${spaces.map((s) => html`<li class="space"><h3><a href="${frame.base}/spaces/${s.path}">${s.name}</a></h3><p class="meta">${where(s)}</p></li>`)}
</ul>`,
  );
}
