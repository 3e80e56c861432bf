// ESLint (flat config), type-aware, for one purpose: promises are awaited, returned, or let go on purpose (`void`
// or a `.catch` to the logger), and never handed to a place that ignores them. Run through scripts/lint.mjs, which
// gives typescript-eslint the classic TypeScript 5 compiler it needs (the project compiles with TypeScript 7).
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'drizzle/'] },
  {
    files: ['src/**/*.ts', 'commands/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'scripts/*.mjs'],
    languageOptions: {
      parser: tseslint.parser,
      // The scripts in plain JavaScript are outside tsconfig.json: typed through a default project.
      parserOptions: { projectService: { allowDefaultProject: ['scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
