// The directory in the bot's life cycle: compact the search index once the bot is up (see warmUp), off the path
// to "ready", and build the gazetteer cache on a first start.
import type { FeatureWiring } from '../feature-wiring.js';

export const directoryWiring: FeatureWiring = {
  name: 'directory',
  order: 50,
  afterReady(ctx) {
    try {
      ctx.services.directory.warmUp();
    } catch (error) {
      ctx.logger.warn({ err: error }, 'directory search index not compacted; searches still work, a little slower');
    }
  },
};
