// The message catalogues under locales/, one per language, flattened to dotted keys ("commands.space.description").
import en from '../../locales/en.json' with { type: 'json' };
import es from '../../locales/es.json' with { type: 'json' };
import fr from '../../locales/fr.json' with { type: 'json' };
import type { Language } from '../shared/languages.js';

export type Catalogue = Readonly<Record<string, string>>;
export type Catalogues = Readonly<Record<Language, Catalogue>>;

interface Tree {
  [key: string]: string | Tree;
}

/** Nested JSON (easy to read and merge) to flat dotted keys (easy to look up and compare between languages). */
export function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}

/** The catalogues shipped with the bot, read once at start-up. */
export const catalogues: Catalogues = { en: flatten(en as Tree), es: flatten(es as Tree), fr: flatten(fr as Tree) };
