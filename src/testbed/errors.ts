// Discord's error answers: coded JSON errors and the "Invalid Form Body" tree of _errors.
export type ErrorTree = { [key: string]: ErrorTree | { code: string; message: string }[] };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: ErrorTree,
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return this.errors ? { message: this.message, code: this.code, errors: this.errors } : { message: this.message, code: this.code };
  }
}

export type Path = (string | number)[];

/** Collects every violation so one answer names them all, as Discord does. */
export class FormErrors {
  readonly tree: ErrorTree = {};
  count = 0;

  add(path: Path, code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      const k = String(key);
      const next = node[k];
      if (!next || Array.isArray(next)) node[k] = {};
      node = node[k] as ErrorTree;
    }
    const list = (node._errors as { code: string; message: string }[] | undefined) ?? [];
    list.push({ code, message });
    node._errors = list;
    this.count++;
  }

  maxLength(path: Path, value: unknown, max: number): void {
    if (typeof value === 'string' && [...value].length > max) this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }

  /** Required string between min and max code points. */
  length(path: Path, value: unknown, min: number, max: number, required = true): void {
    if (value === undefined || value === null) {
      if (required) this.required(path);
      return;
    }
    if (typeof value !== 'string') return this.add(path, 'BASE_TYPE_STRING', 'Could not interpret "' + String(value) + '" as string.');
    const n = [...value].length;
    if (n < min || n > max) this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }

  required(path: Path): void {
    this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  }

  choices(path: Path, value: unknown, allowed: readonly unknown[]): void {
    if (!allowed.includes(value)) this.add(path, 'BASE_TYPE_CHOICES', `Value must be one of {${allowed.map(String).join(', ')}}.`);
  }

  intRange(path: Path, value: unknown, min: number, max: number): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.add(path, 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not int.`);
    if (value < min) this.add(path, 'NUMBER_TYPE_MIN', `int value should be greater than or equal to ${min}.`);
    if (value > max) this.add(path, 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${max}.`);
  }

  throwIfAny(): void {
    if (this.count > 0) throw new ApiError(400, 50035, 'Invalid Form Body', this.tree);
  }
}

export const fail = {
  notFound: () => new ApiError(404, 0, '404: Not Found'),
  unauthorized: () => new ApiError(401, 0, '401: Unauthorized'),
  unknownChannel: () => new ApiError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => new ApiError(404, 10004, 'Unknown Guild'),
  unknownMember: () => new ApiError(404, 10007, 'Unknown Member'),
  unknownMessage: () => new ApiError(404, 10008, 'Unknown Message'),
  unknownRole: () => new ApiError(404, 10011, 'Unknown Role'),
  unknownUser: () => new ApiError(404, 10013, 'Unknown User'),
  unknownEmoji: () => new ApiError(400, 10014, 'Unknown Emoji'),
  unknownWebhook: () => new ApiError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => new ApiError(404, 10062, 'Unknown interaction'),
  unknownCommand: () => new ApiError(404, 10063, 'Unknown application command'),
  unknownEvent: () => new ApiError(404, 10070, 'Unknown Guild Scheduled Event'),
  missingAccess: () => new ApiError(403, 50001, 'Missing Access'),
  missingPermissions: () => new ApiError(403, 50013, 'Missing Permissions'),
  notAuthor: () => new ApiError(403, 50005, 'Cannot edit a message authored by another user'),
  emptyMessage: () => new ApiError(400, 50006, 'Cannot send an empty message'),
  cannotDm: () => new ApiError(403, 50007, 'Cannot send messages to this user'),
  maxReactions: () => new ApiError(400, 30010, 'Maximum number of reactions reached (20)'),
  alreadyAcknowledged: () => new ApiError(400, 40060, 'Interaction has already been acknowledged.'),
  wrongChannelType: () => new ApiError(400, 50024, 'Cannot execute action on this channel type'),
  threadExists: () => new ApiError(400, 160004, 'A thread has already been created for this message'),
  threadArchived: () => new ApiError(400, 50083, 'Thread is archived'),
  threadLocked: () => new ApiError(403, 160005, 'Thread is locked'),
};
