// Preloaded into the floor and the bot by the bench only (node --expose-gc --require bench/probe.cjs …):
// answers a memory request (and a heap snapshot request) over the IPC channel the bench opened. The product carries
// no hook of its own.
'use strict';
if (typeof process.send === 'function') {
  const fullGc = () => {
    if (typeof globalThis.gc === 'function') {
      globalThis.gc();
      globalThis.gc();
    }
  };
  process.on('message', (message) => {
    if (!message) return;
    if (message.type === 'bench:snapshot') {
      fullGc();
      const path = require('node:v8').writeHeapSnapshot(message.path);
      process.send({ type: 'bench:snapshot', id: message.id, path });
      return;
    }
    if (message.type !== 'bench:memory') return;
    fullGc();
    const spaces = require('node:v8').getHeapSpaceStatistics().map((s) => ({ name: s.space_name, size: s.space_size, used: s.space_used_size }));
    process.send({ type: 'bench:memory', id: message.id, usage: process.memoryUsage(), spaces });
  });
  // The channel must not keep a process alive that would otherwise exit.
  if (process.channel) process.channel.unref();
}
