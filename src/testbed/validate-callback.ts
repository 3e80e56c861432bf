// Interaction callbacks: which types each interaction accepts, and the limits on autocomplete and modals.
import { ApiError, FormErrors, type ErrorTree } from './errors.js';
import { validateComponents, validateMessage } from './validate-message.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Interaction type → callback types Discord accepts for it. */
export function allowedCallbacks(interactionType: number, hasMessage: boolean): number[] {
  switch (interactionType) {
    case 2: return [4, 5, 9];
    case 3: return [4, 5, 6, 7, 9];
    case 4: return [8];
    case 5: return hasMessage ? [4, 5, 6, 7] : [4, 5];
    default: return [1];
  }
}

/** Validates `data` for a callback type; message errors are nested under `data` as Discord reports them. */
export function validateCallback(body: unknown, interactionType: number, hasMessage: boolean, fileCount: number): { type: number; data: Obj | null } {
  const b = isObj(body) ? body : {};
  const type = Number(b.type);
  const allowed = allowedCallbacks(interactionType, hasMessage);
  if (!allowed.includes(type)) {
    const e = new FormErrors();
    e.add(['type'], 'INTERACTION_CALLBACK_TYPE_INVALID', `Interaction callback type ${String(b.type)} is not valid for interaction type ${interactionType}; allowed: ${allowed.join(', ')}.`);
    e.throwIfAny();
  }
  const data = isObj(b.data) ? b.data : null;
  if (type === 4 || type === 7) nested(() => validateMessage(data ?? {}, { partial: type === 7, fileCount }));
  if (type === 8) validateChoices(data);
  if (type === 9) validateModal(data);
  return { type, data };
}

function nested(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError && error.errors) throw new ApiError(error.status, error.code, error.message, { data: error.errors } as ErrorTree);
    throw error;
  }
}

function validateChoices(data: Obj | null): void {
  const e = new FormErrors();
  const choices = data?.choices;
  if (!Array.isArray(choices)) e.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
  else {
    if (choices.length > 25) e.add(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    choices.forEach((c: unknown, i) => {
      const choice = isObj(c) ? c : {};
      e.length(['data', 'choices', i, 'name'], choice.name, 1, 100);
      if (typeof choice.value === 'string') e.maxLength(['data', 'choices', i, 'value'], choice.value, 100);
      else if (typeof choice.value !== 'number') e.required(['data', 'choices', i, 'value']);
    });
  }
  e.throwIfAny();
}

function validateModal(data: Obj | null): void {
  const e = new FormErrors();
  const d = data ?? {};
  e.length(['data', 'title'], d.title, 1, 45);
  e.length(['data', 'custom_id'], d.custom_id, 1, 100);
  const rows = Array.isArray(d.components) ? d.components : [];
  // Newer modals wrap each input in a Label (type 18); check the input inside against the same limits.
  const flattened = rows.map((row: unknown) => {
    if (isObj(row) && row.type === 18 && isObj(row.component)) {
      if (typeof row.label !== 'string' || [...row.label].length > 45 || row.label.length === 0) e.add(['data', 'components'], 'BASE_TYPE_BAD_LENGTH', 'Label must be between 1 and 45 in length.');
      return { type: 1, components: [{ ...row.component, label: row.label }] };
    }
    return row;
  });
  if (d.components === undefined) e.required(['data', 'components']);
  else validateComponents(e, flattened, ['data', 'components'], true);
  e.throwIfAny();
}
