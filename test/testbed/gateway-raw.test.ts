// Gateway protocol details checked with a bare WebSocket: HELLO, heartbeat ACK, 4004, RESUME, member chunks.
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBed, type TestBed } from '../../src/testbed/index.js';

type Payload = { op: number; d: any; s?: number; t?: string };

function connect(bed: TestBed): Promise<{ ws: WebSocket; next: (pred?: (p: Payload) => boolean) => Promise<Payload>; closed: Promise<number> }> {
  const url = bed.apiUrl.replace('http', 'ws').replace('/api', '/gateway') + '?v=10&encoding=json';
  const ws = new WebSocket(url);
  const queue: Payload[] = [];
  const waiters: { pred: (p: Payload) => boolean; resolve: (p: Payload) => void }[] = [];
  ws.on('message', (raw) => {
    const p = JSON.parse(String(raw)) as Payload;
    const w = waiters.find((x) => x.pred(p));
    if (w) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    } else queue.push(p);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const next = (pred: (p: Payload) => boolean = () => true): Promise<Payload> => {
    const i = queue.findIndex(pred);
    if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0]!);
    return new Promise((resolve) => waiters.push({ pred, resolve }));
  };
  return new Promise((resolve) => ws.on('open', () => resolve({ ws, next, closed })));
}

describe('gateway protocol', () => {
  let bed: TestBed | undefined;
  afterEach(async () => bed?.close());

  it('says HELLO, ACKs heartbeats and closes 4004 on a bad IDENTIFY token', async () => {
    bed = await startTestBed();
    const c = await connect(bed);
    const hello = await c.next();
    expect(hello).toMatchObject({ op: 10, d: { heartbeat_interval: 41250 } });
    c.ws.send(JSON.stringify({ op: 1, d: null }));
    expect((await c.next()).op).toBe(11);
    c.ws.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    expect(await c.closed).toBe(4004);
  });

  it('READY lists guilds as unavailable, then GUILD_CREATE; RESUME replays after seq; unknown session is invalid', async () => {
    bed = await startTestBed();
    const g = bed.createGuild({ name: 'G' });
    const c = await connect(bed);
    await c.next();
    c.ws.send(JSON.stringify({ op: 2, d: { token: bed.token, intents: 1 | (1 << 10), properties: {} } }));
    const ready = await c.next((p) => p.t === 'READY');
    expect(ready.d).toMatchObject({ v: 10, guilds: [{ id: g.id, unavailable: true }], application: { id: bed.applicationId } });
    expect(typeof ready.d.resume_gateway_url).toBe('string');
    const create = await c.next((p) => p.t === 'GUILD_CREATE');
    expect(create.d.members.map((m: any) => m.user.id).sort()).toEqual([bed.botUserId, g.ownerId].sort());
    c.ws.terminate();
    await c.closed;
    const msgChannel = g.channel('general');
    const extra = g.addChannel({ name: 'while-down' });
    const again = await connect(bed);
    await again.next();
    again.ws.send(JSON.stringify({ op: 6, d: { token: bed.token, session_id: ready.d.session_id, seq: create.s } }));
    const replayed = await again.next();
    expect(replayed).toMatchObject({ t: 'CHANNEL_CREATE', d: { id: extra } });
    expect((await again.next()).t).toBe('RESUMED');
    expect(msgChannel).toBeTruthy();
    again.ws.terminate();
    const stranger = await connect(bed);
    await stranger.next();
    stranger.ws.send(JSON.stringify({ op: 6, d: { token: bed.token, session_id: 'nope', seq: 1 } }));
    expect(await stranger.next()).toMatchObject({ op: 9, d: false });
    stranger.ws.terminate();
  });

  it('answers REQUEST_GUILD_MEMBERS with chunks of 1000', async () => {
    bed = await startTestBed();
    const g = bed.createGuild({ name: 'G' });
    g.addManyMembers(1500);
    const c = await connect(bed);
    await c.next();
    c.ws.send(JSON.stringify({ op: 2, d: { token: bed.token, intents: 3, properties: {} } }));
    await c.next((p) => p.t === 'GUILD_CREATE');
    c.ws.send(JSON.stringify({ op: 8, d: { guild_id: g.id, query: '', limit: 0, nonce: 'n1' } }));
    const first = await c.next((p) => p.t === 'GUILD_MEMBERS_CHUNK');
    const second = await c.next((p) => p.t === 'GUILD_MEMBERS_CHUNK');
    expect([first.d.members.length, second.d.members.length]).toEqual([1000, 502]);
    expect(first.d).toMatchObject({ chunk_index: 0, chunk_count: 2, nonce: 'n1' });
    c.ws.terminate();
  });
});
