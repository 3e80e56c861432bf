// The load generator of `npm run bench:web`, in its own process so its work does not share the bot's event loop:
// an open loop of RATE requests per second for SECONDS over the given paths; prints one JSON line of latencies.
const [base, rate, seconds, ...paths] = process.argv.slice(2);
const total = Number(rate) * Number(seconds);
const latencies = [];
let failed = 0;
/** 503s: the page shed load (counted in failed too). */
let shed = 0;
const pending = [];
const startedAt = performance.now();
for (let i = 0; i < total; i++) {
  const due = startedAt + (i * 1000) / Number(rate);
  const wait = due - performance.now();
  if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
  const sent = performance.now();
  pending.push(
    fetch(`${base}${paths[i % paths.length]}`, { redirect: 'manual' })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.status >= 500 || response.status === 429) failed++;
        if (response.status === 503) shed++;
        latencies.push(performance.now() - sent);
      })
      .catch(() => {
        failed++;
      }),
  );
}
await Promise.all(pending);
process.stdout.write(`${JSON.stringify({ total, seconds: (performance.now() - startedAt) / 1000, failed, shed, latencies })}\n`);
