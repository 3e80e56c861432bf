// The updates archive: the list, one month as a page, the same month as e-mail-ready HTML (inline styles, no
// script, absolute links) and the Atom feed.
import { html } from 'hono/html';
import type { ArchivedUpdate } from '../rhythm/rhythm-public.service.js';
import { page, type Html, type PageFrame } from './layout.js';
import { discordLine, type WebText } from './text.js';

function sectionsHtml(T: WebText, update: ArchivedUpdate, timeZone: string, styles: { h2: string; p: string; a: string } | null): Html {
  return html`${update.sections.map((section) => {
    const lines = section.description.split('\n').map((line, i) => html`${i ? html`<br>` : ''}${discordLine(T, line, timeZone, styles?.a ?? '')}`);
    return styles
      ? html`<h2 style="${styles.h2}">${discordLine(T, section.title, timeZone, styles.a)}</h2><p style="${styles.p}">${lines}</p>`
      : html`<section><h2>${discordLine(T, section.title, timeZone)}</h2><p>${lines}</p></section>`;
  })}`;
}

export function archivePage(frame: PageFrame, updates: ArchivedUpdate[], timeZone: string): Html {
  const T = frame.text;
  return page(
    frame,
    html`<h1>${frame.title}</h1>
<p>${T.updatesIntro}</p>
${
  updates.length
    ? html`<ul>${updates.map((u) => html`<li><a href="${frame.base}/updates/${u.period}">${u.title}</a> · ${T.postedOn(T.day(u.postedAt, timeZone))}</li>`)}</ul>`
    : html`<p>${T.noUpdates}</p>`
}`,
  );
}

export function updatePage(frame: PageFrame, update: ArchivedUpdate, timeZone: string): Html {
  const T = frame.text;
  return page(
    { ...frame, title: T.updateTitle(frame.allianceName, update.title) },
    html`<article class="update">
<h1>${update.title}</h1>
<p class="meta">${T.postedOn(T.instant(update.postedAt, timeZone))}</p>
${sectionsHtml(T, update, timeZone, null)}
<p><a href="${frame.base}/updates/${update.period}/email">${T.emailVersion}</a></p>
</article>`,
  );
}

/** A whole HTML document a mail client renders as is: tables-free, inline styles, nothing loaded from elsewhere. */
export function updateEmail(T: WebText, allianceName: string, update: ArchivedUpdate, timeZone: string, pageUrl: string): Html {
  const styles = {
    h2: 'font-family:Arial,Helvetica,sans-serif;font-size:18px;color:#22543d;margin:24px 0 8px;',
    p: 'font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a202c;margin:0 0 12px;',
    a: 'color:#22543d;',
  };
  return html`<!doctype html>
<html lang="${T.language}"><head><meta charset="utf-8"><title>${T.updateTitle(allianceName, update.title)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;">
<div style="max-width:600px;margin:0 auto;">
<h1 style="font-family:Arial,Helvetica,sans-serif;font-size:24px;color:#1a202c;margin:0 0 4px;">${T.updateTitle(allianceName, update.title)}</h1>
${sectionsHtml(T, update, timeZone, styles)}
<p style="${styles.p}"><a href="${pageUrl}" style="${styles.a}">${pageUrl}</a></p>
</div>
</body></html>`;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Atom (RFC 4287): one entry per archived month; the content is the page's HTML, escaped. */
export async function updatesAtom(T: WebText, allianceName: string, updates: ArchivedUpdate[], timeZone: string, baseUrl: string): Promise<string> {
  const updated = new Date(Math.max(0, ...updates.map((u) => u.postedAt))).toISOString();
  const entries = await Promise.all(
    updates.map(async (u) => {
      const url = `${baseUrl}/updates/${u.period}`;
      const body = await sectionsHtml(T, u, timeZone, null);
      return `<entry><id>${xml(url)}</id><title>${xml(T.updateTitle(allianceName, u.title))}</title><updated>${new Date(u.postedAt).toISOString()}</updated><link rel="alternate" type="text/html" href="${xml(url)}"/><content type="html">${xml(String(body))}</content></entry>`;
    }),
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${T.language}"><id>${xml(`${baseUrl}/updates`)}</id><title>${xml(T.updatesTitle(allianceName))}</title><updated>${updated}</updated><link rel="self" type="application/atom+xml" href="${xml(`${baseUrl}/updates.atom`)}"/><link rel="alternate" type="text/html" href="${xml(`${baseUrl}/updates`)}"/><author><name>${xml(allianceName)}</name></author>${entries.join('')}</feed>
`;
}
