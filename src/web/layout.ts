// The page shell every public page shares: landmarks, skip link, navigation, one stylesheet, no inline script.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { WebText } from './text.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageFrame {
  title: string;
  /** /a/<slug> (no trailing slash). */
  base: string;
  allianceName: string;
  current: 'directory' | 'map' | 'updates' | 'space' | 'none';
  /** The page's words, in the alliance's language. */
  text: WebText;
  head?: Html;
  scripts?: string[];
}

export function page(frame: PageFrame, body: Html): Html {
  const T = frame.text;
  const link = (key: 'directory' | 'map' | 'updates', href: string) =>
    frame.current === key ? html`<li><a href="${href}" aria-current="page">${T.nav[key]}</a></li>` : html`<li><a href="${href}">${T.nav[key]}</a></li>`;
  return html`<!doctype html>
<html lang="${T.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title}</title>
<link rel="stylesheet" href="/static/site.css">
<link rel="alternate" type="application/atom+xml" title="${T.updatesTitle(frame.allianceName)}" href="${frame.base}/updates.atom">
${frame.head ?? ''}
</head>
<body>
<a class="skip" href="#main">${T.skip}</a>
<header>
<a class="title" href="${frame.base}/">${frame.allianceName}</a>
<nav aria-label="${T.nav.label}">
<ul>
${link('directory', `${frame.base}/`)}
${link('map', `${frame.base}/map`)}
${link('updates', `${frame.base}/updates`)}
<li><a href="${frame.base}/events.ics">${T.nav.calendar}</a></li>
<li><a href="${frame.base}/spaces.json">${T.nav.json}</a></li>
</ul>
</nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer><p>${T.footer}</p></footer>
${(frame.scripts ?? []).map((src) => html`<script src="${src}"></script>`)}
</body>
</html>`;
}
