// The directory's part of the monthly update: spaces welcomed into the directory during the month.
import { escapeMarkdown } from '../shared/markdown.js';
import type { UpdateSectionProvider } from '../shared/update-section.js';
import { countryName } from './countries.js';
import type { SpaceRow } from './directory.repo.js';

/** What the section reads of the directory (a port, so the feature file and this section do not import each other). */
export interface WelcomedSpaces {
  welcomedBetween(guildId: string, from: number, to: number): SpaceRow[];
}

const SHOWN = 15;

export function directoryUpdateSection(directory: WelcomedSpaces): UpdateSectionProvider {
  return {
    id: 'directory',
    order: 20,
    build(period) {
      const welcomed = directory.welcomedBetween(period.guildId, period.from, period.to);
      if (!welcomed.length) return null;
      const lines = welcomed.slice(0, SHOWN).map((space) => {
        const where = escapeMarkdown([space.city, space.region, countryName(space.country)].filter(Boolean).join(', '));
        const tags = space.tags ? ` · ${space.tags.split(' ').slice(0, 4).join(', ')}` : '';
        return `• **${escapeMarkdown(space.name)}** (${where})${tags}`;
      });
      if (welcomed.length > SHOWN) lines.push(`…and ${welcomed.length - SHOWN} more: see /directory search`);
      const title = welcomed.length === 1 ? 'A new space joined the directory' : `${welcomed.length} new spaces joined the directory`;
      return { title, lines };
    },
  };
}
