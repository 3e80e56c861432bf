// The directory in the bot's life cycle: compact the search index once the bot is up (see warmUp), off the path
// to "ready", and on a first start have the gazetteer's cache built (in a child process when the cache is a file).
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
    const started = performance.now();
    ctx.services.directory.storeGazetteer().then(
      (how) => {
        if (how !== 'already') ctx.logger.info({ how, ms: Math.round(performance.now() - started) }, 'gazetteer cache built');
      },
      (error: unknown) => ctx.logger.warn({ err: error }, 'gazetteer cache not built; the first city lookup builds it in the bot (about a second)'),
    );
  },
};
