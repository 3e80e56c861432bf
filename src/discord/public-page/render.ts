// Every sentence the bot says in Discord about the public web page: consent saved, calendar feed links.
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

/** `/meeting calendar`: the member's private feed address. */
export function renderCalendarFeed(url: string, fresh: boolean): string {
  return [
    fresh ? '📅 Here is your personal calendar feed of every alliance meeting:' : '📅 Your personal calendar feed of every alliance meeting:',
    `<${url}>`,
    'Add it to your calendar app as a subscription (“From URL”). It is yours alone: anyone with this address sees the meetings. If it leaks, run `/meeting calendar-reset` for a new one (the old one stops working).',
  ].join('\n');
}

export function renderCalendarReset(url: string): string {
  return ['🔄 Your old calendar address no longer works. Your new one:', `<${url}>`, 'Replace the subscription in your calendar app with it.'].join('\n');
}

export const NO_WEB_PAGE = 'This bot does not serve web pages (its host has not set HTTP_PORT), so there is no calendar feed yet.';
