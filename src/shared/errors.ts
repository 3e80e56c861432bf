// The one error type the domain throws: a kind the adapter maps to a reply, and what to tell the member, as a
// message key of locales/*.json with its values (the Discord layer translates; the domain never does).

export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

/**
 * A place as data: a country's ISO 3166 code, with a city and region when there are. The message names the country
 * in the reader's language when it is said ("Seattle, Washington, États-Unis"); a list is said place after place.
 */
export interface PlaceValue {
  readonly country: string;
  readonly city?: string;
  readonly region?: string | null;
}

/**
 * A value a message may show: plain data, never an English sentence. A place is said in the reader's language; a
 * sentence inside a sentence is a key of its own (a nested `MessageRef`, said in the same language), e.g. why the
 * date reader refused a deadline.
 */
export type MessageValue = string | number | boolean | null | undefined | PlaceValue | readonly PlaceValue[] | MessageRef;

/** A sentence by meaning: a key of the catalogues and the values its placeholders take. */
export interface MessageRef {
  key: string;
  values?: Record<string, MessageValue>;
}

/** `msg('directory.space.notFound', { name })`: write the key as one literal so the catalogue test sees it used. */
export function msg(key: string, values?: Record<string, MessageValue>): MessageRef {
  return values ? { key, values } : { key };
}

export function isMessageRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && typeof (value as MessageRef).key === 'string';
}

/** Older call sites still pass English text; a key is preferred (it reaches the member in their language). */
export type ErrorText = string | MessageRef;

export interface FieldProblem {
  /** The option, modal field or column the member should fix, as they know it (e.g. "timezone"). */
  field: string;
  /** English, for logs and for call sites not yet translated; the member reads `text` when there is one. */
  message: string;
  text?: MessageRef;
}

/** The log line of an error text: English words when given, the key otherwise. */
function logText(text: ErrorText): string {
  return typeof text === 'string' ? text : text.key;
}

export function problem(field: string, text: ErrorText): FieldProblem {
  return typeof text === 'string' ? { field, message: text } : { field, message: text.key, text };
}

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly problems: FieldProblem[];
  /** What the member reads, by key; absent on older call sites that still give English. */
  readonly text?: MessageRef;

  constructor(kind: DomainErrorKind, message: ErrorText, problems: FieldProblem[] = []) {
    super(logText(message));
    this.name = 'DomainError';
    this.kind = kind;
    this.problems = problems;
    if (typeof message !== 'string') this.text = message;
  }
}

/** Input a member typed is wrong; `field` names the option so the reply can point at it. */
export function invalid(field: string, message: ErrorText): DomainError {
  return new DomainError('invalid', message, [problem(field, message)]);
}

/** Several fields are wrong at once: every one is reported, so the member fixes them in one go. */
export function invalidFields(problems: FieldProblem[]): DomainError {
  const first = problems[0];
  return new DomainError('invalid', first?.text ?? first?.message ?? msg('errors.invalidInput'), problems);
}

export function forbidden(message: ErrorText): DomainError {
  return new DomainError('forbidden', message);
}

export function notFound(message: ErrorText): DomainError {
  return new DomainError('not_found', message);
}

export function conflict(message: ErrorText): DomainError {
  return new DomainError('conflict', message);
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
