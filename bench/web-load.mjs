// The load generator of `npm run bench:web`, in its own process so its work does not share the bot's event loop:
// an open loop of RATE requests per second for SECONDS over the given paths; prints one JSON line of latencies.
// node:http over a fixed pool of keep-alive connections: fetch cost this process twice the CPU per request on the
// same two cores as the bot, and opened one more connection for every request in flight.
// A latency counts from when its request was due, not from when it was sent: when this process falls behind or
// every connection is busy, the wait is measured instead of hidden (coordinated omission); `behind` says how late
// the generator itself sent requests, so a starved generator shows.
import http from 'node:http';

const [base, rate, seconds, ...paths] = process.argv.slice(2);
const SOCKETS = Number(process.env['BENCH_SOCKETS'] ?? 32);
const total = Number(rate) * Number(seconds);
const url = new URL(base);
const agent = new http.Agent({ keepAlive: true, maxSockets: SOCKETS });
const latencies = [];
const behind = [];
let failed = 0;
/** 503s: the page shed load (counted in failed too). */
let shed = 0;
let done = 0;
let sent = 0;
const startedAt = performance.now();
const dueAt = (i) => startedAt + (i * 1000) / Number(rate);

await new Promise((finished) => {
  const settle = () => {
    if (++done === total) finished();
  };
  const send = () => {
    const now = performance.now();
    for (; sent < total && dueAt(sent) <= now; sent++) {
      const due = dueAt(sent);
      behind.push(now - due);
      const request = http.get({ host: url.hostname, port: url.port, path: paths[sent % paths.length], agent }, (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(performance.now() - due);
          if (response.statusCode >= 500 || response.statusCode === 429) failed++;
          if (response.statusCode === 503) shed++;
          settle();
        });
      });
      request.on('error', () => {
        failed++;
        settle();
      });
    }
    if (sent < total) setTimeout(send, Math.max(0, dueAt(sent) - performance.now()));
  };
  send();
});
agent.destroy();
behind.sort((a, b) => a - b);
const late = { p99: behind[Math.floor(0.99 * behind.length)] ?? 0, max: behind.at(-1) ?? 0 };
process.stdout.write(`${JSON.stringify({ total, seconds: (performance.now() - startedAt) / 1000, failed, shed, behind: late, latencies })}\n`);
