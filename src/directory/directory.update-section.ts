// The directory's part of the monthly update: spaces welcomed into the directory during the month.
import { escapeMarkdown } from '../shared/markdown.js';
import type { SectionLine, UpdateSectionProvider } from '../shared/update-section.js';
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
      // A space's line is its name, place and tags: data, but the country is named in the alliance's language.
      const lines: SectionLine[] = welcomed.slice(0, SHOWN).map((space) => {
        const where = { city: escapeMarkdown(space.city), region: space.region && escapeMarkdown(space.region), country: space.country };
        const tags = space.tags ? space.tags.split(' ').slice(0, 4).join(', ') : '';
        return { key: 'directory.update.space', values: { name: escapeMarkdown(space.name), where, tags, hasTags: tags ? 'yes' : 'no' } };
      });
      if (welcomed.length > SHOWN) lines.push({ key: 'directory.update.more', values: { count: welcomed.length - SHOWN } });
      return { title: { key: 'directory.update.title', values: { count: welcomed.length } }, lines };
    },
  };
}
