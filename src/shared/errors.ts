// The one error type the domain throws: a kind the adapter maps to a reply, and a message a member can read.

export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

export interface FieldProblem {
  /** The option, modal field or column the member should fix, as they know it (e.g. "timezone"). */
  field: string;
  message: string;
}

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly problems: FieldProblem[];

  constructor(kind: DomainErrorKind, message: string, problems: FieldProblem[] = []) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.problems = problems;
  }
}

/** Input a member typed is wrong; `field` names the option so the reply can point at it. */
export function invalid(field: string, message: string): DomainError {
  return new DomainError('invalid', message, [{ field, message }]);
}

/** Several fields are wrong at once: every one is reported, so the member fixes them in one go. */
export function invalidFields(problems: FieldProblem[]): DomainError {
  const first = problems[0]?.message ?? 'Some input is not valid.';
  return new DomainError('invalid', first, problems);
}

export function forbidden(message: string): DomainError {
  return new DomainError('forbidden', message);
}

export function notFound(message: string): DomainError {
  return new DomainError('not_found', message);
}

export function conflict(message: string): DomainError {
  return new DomainError('conflict', message);
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
