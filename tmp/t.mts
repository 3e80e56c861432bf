import { startTestBed } from '/work/wt/reliability/src/testbed/index.js';
import { spawnBot } from '/work/wt/reliability/test/reliability/support/child-bot.js';
const bed = await startTestBed();
for (let i=0;i<3;i++){ const t=Date.now(); const b = spawnBot(bed, '/tmp/cb/alliance.db'); await b.ready; console.log('ready', Date.now()-t); await b.kill(); }
await bed.close();
