// What a member reading English sees for a domain error or one of its problems (the domain returns keys).
import { sectionLine } from '../../src/discord/rhythm/posts.js';
import { sayIn, sayRef } from '../../src/i18n/translate.js';
import type { DomainError, FieldProblem } from '../../src/shared/errors.js';
import type { UpdateSectionContent } from '../../src/shared/update-section.js';

export function englishOf(item: DomainError | FieldProblem): string {
  return item.text ? sayRef(sayIn('en'), item.text) : item.message;
}

/** The English a member would read for the domain error `run` throws (fails the test when nothing is thrown). */
export function englishError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    const domain = error as DomainError;
    if (domain.problems?.length) return domain.problems.map(englishOf).join('\n');
    return englishOf(domain);
  }
  throw new Error('expected a DomainError');
}

/** A monthly-update section as an English-speaking alliance reads it (sentences by key said in English). */
export function englishSection<T extends UpdateSectionContent | UpdateSectionContent[] | null>(built: T): T {
  const say = (content: UpdateSectionContent) => ({
    title: sectionLine(sayIn('en'), 'en', content.title),
    lines: content.lines.map((line) => sectionLine(sayIn('en'), 'en', line)),
  });
  if (built === null) return built;
  return (Array.isArray(built) ? built.map(say) : say(built)) as T;
}
