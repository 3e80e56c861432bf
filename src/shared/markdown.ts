// Member text inside Discord markdown: escaped so it shows as typed, and web addresses shown plainly, never masked.
// The one implementation; the Discord layer re-exports it (src/discord/format.ts) and the monthly update sections,
// which build their lines in the domain, use it directly.

/** Escapes Discord markdown so member text shows as typed: no bold, code blocks, headings or [masked](links). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_`~|>[\]()#-])/g, '\\$1');
}

/**
 * A member's web address as a plain link: normalised by the URL parser, with the characters markdown reads
 * percent-encoded, so it can neither become a masked link nor break the text around it; what it points to is
 * always what members see. Text that is no http(s) address is shown escaped, not as a link.
 */
export function plainUrl(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return escapeMarkdown(address);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return escapeMarkdown(address);
  return url.href.replace(/[[\]()*_~`|<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * For long member text whose formatting is wanted (a proposal's summary): bold and lists stay, but brackets are
 * escaped, so "[text](url)" shows as typed and never hides where a link goes.
 */
export function unmaskLinks(text: string): string {
  return text.replace(/([\\[\]])/g, '\\$1');
}
