const t=Date.now();
await import('discord.js'); console.log('discord.js', Date.now()-t);
await import('../dist/src/main.js'); console.log('main', Date.now()-t);
