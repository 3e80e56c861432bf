// Preload for the lint tools (`node --import ./scripts/classic-typescript.mjs …`): the project compiles with the
// native TypeScript 7, which has no JavaScript compiler API, while typescript-eslint and dependency-cruiser need
// that API. They get `typescript5` (TypeScript 5.9 installed under an alias) whenever they ask for `typescript`.
import Module, { register } from 'node:module';

const CLASSIC = 'typescript5';

/** `typescript` and `typescript/…` become the same request on the classic compiler. */
function classic(request) {
  if (request === 'typescript') return CLASSIC;
  if (request.startsWith('typescript/')) return CLASSIC + request.slice('typescript'.length);
  return request;
}

// require() (typescript-eslint is CommonJS; dependency-cruiser reads versions with createRequire).
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveClassic(request, ...rest) {
  return resolveFilename.call(this, classic(request), ...rest);
};

// import() (dependency-cruiser loads the compiler as an ES module).
const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'typescript') return next(${JSON.stringify(CLASSIC)}, context);
  if (specifier.startsWith('typescript/')) return next(${JSON.stringify(CLASSIC)} + specifier.slice(10), context);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url);
