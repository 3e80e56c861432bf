// Every table of the bot. drizzle-kit reads this file to generate migrations; features add one line each.
export * from './alliances.js';
export * from './bot-state.js';
export * from './scheduler.js';
export * from './rhythm.js';
export * from './meetings.js';
export * from './directory.js';
export * from './skills.js';
export * from './member-languages.js';
export * from './decision-rules.js';
export * from './proposals.js';
export * from './pass.js';
export * from './leads.js';
export * from './perks.js';
export * from './dues.js';
