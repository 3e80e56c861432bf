// The import boundaries (README "Project layout"): dependencies point one way, commands/ → src/discord/ →
// src/<feature>/ → src/jobs, src/db, src/shared (and src/web/ → src/<feature>/), with no circles anywhere.
// Run by `npm run lint` through scripts/lint.mjs; test/lint/boundaries.test.ts plants violations and sees them fail.

/** Folders under src/ that are not a feature's domain. */
const NOT_DOMAIN = 'discord|testbed|shell|scheduler|web|jobs|db|shared';
const DOMAIN = '^src/[^/]+/';
const DOMAIN_NOT = `^src/(${NOT_DOMAIN})/`;
/** The composition root: knows everything, so nothing below it imports it. */
const ROOT_FILES = '^src/(main|services|config)\\.ts$';
/** Discord, the timer and the web server: adapters' libraries, never the domain's. */
const ADAPTER_LIBRARIES = '(^|node_modules/)(discord\\.js|node-cron|hono|@discordjs/[^/]+|@hono/[^/]+)(/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: split out what both sides need (types into the lower file, or a port), so imports point one way.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-feature-circular',
      severity: 'error',
      comment: 'Two feature folders import each other: one of them is the lower floor; the other reaches it through a port.',
      scope: 'folder',
      from: { path: '^src/[^/]+$', pathNot: `^src/(${NOT_DOMAIN})$` },
      to: { path: '^src/[^/]+$', pathNot: `^src/(${NOT_DOMAIN})$`, circular: true, viaOnly: { path: '^src/[^/]+$', pathNot: `^src/(${NOT_DOMAIN})$` } },
    },
    {
      name: 'domain-not-to-adapter-libraries',
      severity: 'error',
      comment: 'The domain (src/<feature>/) never imports discord.js, @discordjs/*, node-cron, hono or @hono/*: return plain data and let src/discord or src/web speak to the outside.',
      from: { path: DOMAIN, pathNot: DOMAIN_NOT },
      to: { path: ADAPTER_LIBRARIES },
    },
    {
      name: 'domain-not-to-adapters',
      severity: 'error',
      comment: 'The domain (src/<feature>/) never imports src/discord, src/web, src/testbed, src/shell, src/scheduler or commands/: adapters call the domain, not the other way round (plan jobs through src/jobs).',
      from: { path: DOMAIN, pathNot: DOMAIN_NOT },
      to: { path: '^(src/(discord|web|testbed|shell|scheduler)/|commands/)' },
    },
    {
      name: 'domain-not-to-composition-root',
      severity: 'error',
      comment: 'The domain never imports src/main.ts, src/services.ts or src/config.ts: they wire the domain, so it receives what it needs as arguments.',
      from: { path: DOMAIN, pathNot: DOMAIN_NOT },
      to: { path: ROOT_FILES },
    },
    {
      name: 'ground-floor-stays-down',
      severity: 'error',
      comment: 'src/jobs, src/db and src/shared are the ground floor: they import only each other (jobs → db → shared), never a feature or an adapter.',
      from: { path: '^src/(jobs|db|shared)/' },
      to: { path: '^(src/|commands/)', pathNot: '^src/(jobs|db|shared)/' },
    },
    {
      name: 'ground-floor-no-adapter-libraries',
      severity: 'error',
      comment: 'src/jobs, src/db and src/shared never import discord.js, node-cron or hono.',
      from: { path: '^src/(jobs|db|shared)/' },
      to: { path: ADAPTER_LIBRARIES },
    },
    {
      name: 'scheduler-only-runs-jobs',
      severity: 'error',
      comment: 'src/scheduler only wakes up and runs jobs: it imports src/jobs and src/shared; features hand it their handlers through main.ts.',
      from: { path: '^src/scheduler/' },
      to: { path: '^(src/|commands/)', pathNot: '^src/(scheduler|jobs|db|shared)/' },
    },
    {
      name: 'commands-only-to-discord-shared-and-domain-words',
      severity: 'error',
      comment:
        'commands/ imports src/discord and src/shared; from the domain only types (import type) and the pure *.rules.ts files and db schema enums that describe options (limits, choices). Services arrive in the handler context, never imported.',
      from: { path: '^commands/' },
      to: {
        path: '^src/',
        pathNot: ['^src/(discord|shared)/', '^src/[^/]+/[^/]+\\.rules\\.ts$', '^src/db/schema/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'commands-not-to-adapters-below',
      severity: 'error',
      comment: 'commands/ never imports src/scheduler, src/jobs, src/testbed, src/shell or src/web, even for types.',
      from: { path: '^commands/' },
      to: { path: '^src/(scheduler|jobs|testbed|shell|web)/' },
    },
    {
      name: 'discord-not-to-commands',
      severity: 'error',
      comment: 'src/discord is below commands/: only the registration script (deploy-commands.ts) reads the command list.',
      from: { path: '^src/discord/', pathNot: '^src/discord/deploy-commands\\.ts$' },
      to: { path: '^commands/' },
    },
    {
      name: 'discord-not-to-other-adapters',
      severity: 'error',
      comment: 'src/discord never imports src/web, src/testbed, src/shell or src/scheduler: main.ts connects them.',
      from: { path: '^src/discord/' },
      to: { path: '^src/(web|testbed|shell|scheduler)/' },
    },
    {
      name: 'web-only-to-domain',
      severity: 'error',
      comment: 'src/web reads the domain (src/<feature>/, src/shared, src/db, src/jobs); it never imports src/discord, commands/, src/testbed, src/shell or src/scheduler.',
      from: { path: '^src/web/' },
      to: { path: '^(src/(discord|testbed|shell|scheduler)/|commands/)' },
    },
    {
      name: 'testbed-stands-alone',
      severity: 'error',
      comment: 'src/testbed is a Discord stand-in: it imports nothing from the bot (commands/ or any other src/ folder).',
      from: { path: '^src/testbed/' },
      to: { path: '^(src/|commands/)', pathNot: '^src/testbed/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file or installed package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^(node_modules|dist|drizzle)/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
