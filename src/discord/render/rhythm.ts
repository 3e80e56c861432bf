// Rhythm posts on Discord: the domain's messages (embeds already within Discord's limits) sent through the poster,
// one idempotency nonce per message, so a job re-run after a crash posts each message once.
import type { Poster } from '../poster.js';
import type { Publish } from '../../rhythm/ports.js';

export function publishWith(poster: Poster): Publish {
  return async (target, messages) => {
    const posted = [];
    for (const [index, message] of messages.entries()) {
      posted.push(await poster.post(target.channelId, { embeds: message.embeds }, { idempotencyKey: `${target.key}#${index}` }));
    }
    return posted;
  };
}
