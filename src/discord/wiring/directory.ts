// The directory in the bot's life cycle: decode the gazetteer once the bot is up, so the first city
// autocomplete answers at once instead of paying the ~1 s decode inside Discord's 3-second window.
import type { FeatureWiring } from '../feature-wiring.js';

export const directoryWiring: FeatureWiring = {
  name: 'directory',
  async onReady(ctx) {
    // Next turn of the event loop: READY handling and other features' start-up come first.
    setImmediate(() => {
      try {
        ctx.services.directory.warmUp();
      } catch (error) {
        ctx.logger.warn({ err: error }, 'directory gazetteer warm-up failed; it will load on first use');
      }
    });
  },
};
