// Every sentence the bot says in Discord about the public web page: consent saved (calendar feed links: meetings/calendar-render.ts).
import type { AllianceSettings } from '../../alliances/alliances.service.js';
import { escapeMarkdown } from '../format.js';

/** After `/space edit public:… public-tags:…`. `alliance` is given when the page can be visited, to show where. */
export function renderConsentSaved(saved: { name: string; listed: boolean; tags: boolean }, alliance: AllianceSettings | null): string {
  const name = `**${escapeMarkdown(saved.name)}**`;
  const listed = saved.listed
    ? `✅ ${name} is shown on the alliance’s public web page (once approved).`
    : `✅ ${name} is not shown on the alliance’s public web page.`;
  const tags = saved.listed ? (saved.tags ? ' Its identity tags are shown too.' : ' Its identity tags (such as women-owned) stay hidden there.') : '';
  const where = saved.listed && alliance && !alliance.publicPage ? ' The alliance has not turned its page on yet.' : '';
  return `${listed}${tags}${where}`;
}
