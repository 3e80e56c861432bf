// The one error→reply path: what a member reads for Discord outages and rate limits (no alarming "ref" for those).
import { HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/discord/reply-error.js';

describe('describeError', () => {
  it('a Discord 5xx that outlasted the retries asks the member to try again, without an error reference', () => {
    const outage = new HTTPError(502, 'Bad Gateway', 'PUT', 'https://discord.com/api/v10/channels/1/messages/2/reactions/%E2%9C%85/@me', { body: undefined, files: undefined });
    const described = describeError(outage);
    expect(described.unexpected).toBe(false);
    expect(described.text).toMatch(/Discord is having trouble.*try again/);
  });

  it('a 4xx HTTPError without a Discord code is still unexpected (it is our bug)', () => {
    const ours = new HTTPError(400, 'Bad Request', 'POST', 'https://discord.com/api/v10/x', { body: undefined, files: undefined });
    expect(describeError(ours).unexpected).toBe(true);
  });
});
