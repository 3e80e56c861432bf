// Preloaded into the floor and the bot by the bench only (node --expose-gc --require bench/probe.cjs …):
// answers a memory request over the IPC channel the bench opened. The product carries no hook of its own.
'use strict';
if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (!message || message.type !== 'bench:memory') return;
    if (typeof globalThis.gc === 'function') {
      globalThis.gc();
      globalThis.gc();
    }
    const spaces = require('node:v8').getHeapSpaceStatistics().map((s) => ({ name: s.space_name, size: s.space_size, used: s.space_used_size }));
    process.send({ type: 'bench:memory', id: message.id, usage: process.memoryUsage(), spaces });
  });
  // The channel must not keep a process alive that would otherwise exit.
  if (process.channel) process.channel.unref();
}
