// Every sentence the bot says in Discord about the public web page: consent saved (calendar feed links: meetings/calendar-render.ts).
import type { AllianceSettings } from '../../alliances/alliances.service.js';
import type { Say } from '../../i18n/translate.js';
import { escapeMarkdown } from '../format.js';

/** After `/space edit public:… public-tags:…`. `alliance` is given when the page can be visited, to show where. */
export function renderConsentSaved(say: Say, saved: { name: string; listed: boolean; tags: boolean }, alliance: AllianceSettings | null): string {
  const name = escapeMarkdown(saved.name);
  if (!saved.listed) return say('space.public.notShown', { name });
  const sentences = [say('space.public.shown', { name }), saved.tags ? say('space.public.tagsShown') : say('space.public.tagsHidden')];
  if (alliance && !alliance.publicPage) sentences.push(say('space.public.pageOff'));
  return sentences.join(' ');
}
