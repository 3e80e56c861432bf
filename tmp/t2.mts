import { startTestBed } from '../src/testbed/index.js';
import { spawnBot } from '../test/reliability/support/child-bot.js';
const bed = await startTestBed();
const t=Date.now(); const b = spawnBot(bed, '/tmp/cb/alliance.db'); await b.ready; console.log('ready', Date.now()-t);
for (const l of b.stdout().split('\n').filter(Boolean)) { const j=JSON.parse(l); console.log(j.time - t, j.msg); }
await b.kill(); await bed.close();
