// The demo alliance's public web page: turned on at /a/demo/ with every sample space listed (identity tags kept
// hidden, as a host who gave only the first consent), so `npm run shell` shows the page at once.
import type { Services } from '../../services.js';

export const DEMO_SLUG = 'demo';

export function seedPublicPageSamples(services: Services, demo: { guildId: string; members: Record<string, string> }): void {
  const organizer = { guildId: demo.guildId, userId: demo.members['olivia'] ?? '', isOrganizer: true, roleIds: [] };
  services.alliances.update(organizer, { publicPage: true, publicSlug: DEMO_SLUG });
  for (const space of services.directory.search(demo.guildId, {}).items) {
    services.directory.publicPage.setConsent(organizer, space.id, { listed: true });
  }
}
