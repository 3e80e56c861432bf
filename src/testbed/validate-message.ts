// Discord's limits on a message payload (content, embeds, components, allowed_mentions) as a 50035 error tree.
import { FormErrors, fail, type Path } from './errors.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === 'string' ? [...v].length : 0);
const SELECTS = [3, 5, 6, 7, 8];
const V2_FLAG = 1 << 15;

export interface MessageCheck {
  /** Edits and update-message callbacks may leave everything out. */
  partial?: boolean;
  fileCount?: number;
}

export function validateMessage(body: unknown, check: MessageCheck = {}): Obj {
  const b = isObj(body) ? body : {};
  const e = new FormErrors();
  if (b.content !== undefined && b.content !== null) {
    if (typeof b.content !== 'string') e.add(['content'], 'BASE_TYPE_STRING', 'Could not interpret value as string.');
    else e.maxLength(['content'], b.content, 2000);
  }
  validateEmbeds(e, b.embeds);
  const v2 = typeof b.flags === 'number' && (b.flags & V2_FLAG) !== 0;
  if (b.components !== undefined && b.components !== null) {
    if (v2) validateComponentsV2(e, b.components, b);
    else validateComponents(e, b.components, ['components']);
  }
  validateAllowedMentions(e, b.allowed_mentions);
  if (b.flags !== undefined && b.flags !== null) {
    const settable = 4 | 64 | 4096 | 32768;
    if (typeof b.flags !== 'number' || (b.flags & ~settable) !== 0) e.add(['flags'], 'MESSAGE_FLAGS_INVALID', 'Invalid flags');
  }
  if (Array.isArray(b.sticker_ids) && b.sticker_ids.length > 3) e.add(['sticker_ids'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 3 in length.');
  if ((check.fileCount ?? 0) > 10) e.add(['files'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  if (typeof b.nonce === 'string') e.maxLength(['nonce'], b.nonce, 25);
  e.throwIfAny();
  if (!check.partial && !hasSubstance(b, check.fileCount ?? 0)) throw fail.emptyMessage();
  return b;
}

export function hasSubstance(b: Obj, fileCount: number): boolean {
  const nonEmpty = (v: unknown): boolean => Array.isArray(v) && v.length > 0;
  return (typeof b.content === 'string' && b.content.length > 0) || nonEmpty(b.embeds) || nonEmpty(b.components) ||
    nonEmpty(b.sticker_ids) || fileCount > 0 || nonEmpty(b.attachments) || isObj(b.poll);
}

function validateEmbeds(e: FormErrors, embeds: unknown): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) return e.add(['embeds'], 'BASE_TYPE_ARRAY', 'Must be an array.');
  if (embeds.length > 10) e.add(['embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  let total = 0;
  embeds.forEach((embed: unknown, i) => {
    const p: Path = ['embeds', i];
    if (!isObj(embed)) return e.add(p, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    e.maxLength([...p, 'title'], embed.title, 256);
    e.maxLength([...p, 'description'], embed.description, 4096);
    e.intRange([...p, 'color'], embed.color, 0, 0xffffff);
    if (embed.url !== undefined && embed.url !== null && !/^https?:\/\//.test(String(embed.url))) e.add([...p, 'url'], 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
    if (embed.timestamp !== undefined && embed.timestamp !== null && Number.isNaN(Date.parse(String(embed.timestamp)))) {
      e.add([...p, 'timestamp'], 'DATE_TYPE_PARSE', `Could not parse ${String(embed.timestamp)}. Should be ISO8601.`);
    }
    total += len(embed.title) + len(embed.description);
    if (embed.footer !== undefined && embed.footer !== null) {
      const footer = isObj(embed.footer) ? embed.footer : {};
      e.length([...p, 'footer', 'text'], footer.text, 1, 2048);
      total += len(footer.text);
    }
    if (embed.author !== undefined && embed.author !== null) {
      const author = isObj(embed.author) ? embed.author : {};
      e.length([...p, 'author', 'name'], author.name, 1, 256);
      total += len(author.name);
    }
    if (embed.fields !== undefined && embed.fields !== null) {
      const fields = Array.isArray(embed.fields) ? embed.fields : [];
      if (fields.length > 25) e.add([...p, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      fields.forEach((f: unknown, j) => {
        const field = isObj(f) ? f : {};
        e.length([...p, 'fields', j, 'name'], field.name, 1, 256);
        e.length([...p, 'fields', j, 'value'], field.value, 1, 1024);
        total += len(field.name) + len(field.value);
      });
    }
  });
  if (total > 6000) e.add(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
}

export function validateComponents(e: FormErrors, components: unknown, base: Path, modal = false): void {
  if (!Array.isArray(components)) return e.add(base, 'BASE_TYPE_ARRAY', 'Must be an array.');
  if (components.length > 5) e.add(base, 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  if (modal && components.length < 1) e.add(base, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
  const ids = new Set<string>();
  components.forEach((row: unknown, i) => validateRow(e, row, [...base, i], ids, modal));
}

function validateRow(e: FormErrors, row: unknown, rp: Path, ids: Set<string>, modal: boolean): void {
  if (!isObj(row) || row.type !== 1) return e.add([...rp, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
  const children = Array.isArray(row.components) ? row.components : [];
  const cp: Path = [...rp, 'components'];
  const max = modal ? 1 : 5;
  if (children.length < 1 || children.length > max) e.add(cp, 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${max} in length.`);
  const hasSelect = children.some((c) => isObj(c) && SELECTS.includes(Number(c.type)));
  if (hasSelect && children.length > 1) e.add(cp, 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
  children.forEach((c: unknown, j) => validateInteractive(e, c, [...cp, j], ids, modal));
}

function validateInteractive(e: FormErrors, c: unknown, p: Path, ids: Set<string>, modal: boolean): void {
  if (!isObj(c)) return e.add(p, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
  const allowed = modal ? [4] : [2, ...SELECTS];
  if (!allowed.includes(Number(c.type))) return e.add([...p, 'type'], 'UNION_TYPE_CHOICES', `Value of field "type" must be one of (${allowed.join(', ')}).`);
  if (typeof c.custom_id === 'string') {
    if (ids.has(c.custom_id)) e.add([...p, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
    ids.add(c.custom_id);
  }
  if (c.type === 2) validateButton(e, c, p);
  else if (c.type === 4) validateTextInput(e, c, p);
  else validateSelect(e, c, p);
}

/** Components V2 (flag 1<<15): layout components, no content or embeds, at most 40 components in all. */
function validateComponentsV2(e: FormErrors, components: unknown, b: Obj): void {
  if (typeof b.content === 'string' && b.content.length) e.add(['content'], 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
  if (Array.isArray(b.embeds) && b.embeds.length) e.add(['embeds'], 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', "The 'embeds' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
  const ids = new Set<string>();
  let count = 0;
  const walk = (list: unknown, base: Path, allowed: number[]): void => {
    if (!Array.isArray(list)) return e.add(base, 'BASE_TYPE_ARRAY', 'Must be an array.');
    list.forEach((c: unknown, i) => {
      const p: Path = [...base, i];
      count++;
      if (!isObj(c) || !allowed.includes(Number(c.type))) return e.add([...p, 'type'], 'UNION_TYPE_CHOICES', `Value of field "type" must be one of (${allowed.join(', ')}).`);
      if (c.type === 1) return validateRow(e, c, p, ids, false);
      if (c.type === 10) return e.length([...p, 'content'], c.content, 1, 4000);
      if (c.type === 17) return walk(c.components, [...p, 'components'], [1, 9, 10, 12, 13, 14]);
      if (c.type === 9) {
        walk(c.components, [...p, 'components'], [10]);
        if (isObj(c.accessory) && c.accessory.type === 2) validateInteractive(e, c.accessory, [...p, 'accessory'], ids, false);
      }
    });
  };
  walk(components, ['components'], [1, 9, 10, 12, 13, 14, 17]);
  if (count > 40) e.add(['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 40 or fewer in length.');
}

function validateButton(e: FormErrors, c: Obj, p: Path): void {
  e.choices([...p, 'style'], c.style, [1, 2, 3, 4, 5, 6]);
  e.maxLength([...p, 'label'], c.label, 80);
  if (c.style === 5) {
    if (typeof c.url !== 'string' || !/^(https?|discord):\/\//.test(c.url)) e.add([...p, 'url'], 'BUTTON_COMPONENT_URL_REQUIRED', 'A url is required');
    if (c.custom_id !== undefined) e.add([...p, 'custom_id'], 'BUTTON_COMPONENT_LINK_HAS_CUSTOM_ID', 'A link button cannot have a custom id');
  } else if (c.style === 6) {
    if (!c.sku_id) e.add([...p, 'sku_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
  } else {
    e.length([...p, 'custom_id'], c.custom_id, 1, 100);
    if (c.url !== undefined) e.add([...p, 'url'], 'BUTTON_COMPONENT_URL_NOT_ALLOWED', 'Only link buttons can have a url');
  }
  if (c.style !== 6 && !c.label && !c.emoji) e.add([...p, 'label'], 'BUTTON_COMPONENT_LABEL_REQUIRED', 'A label or emoji is required');
}

function validateSelect(e: FormErrors, c: Obj, p: Path): void {
  e.length([...p, 'custom_id'], c.custom_id, 1, 100);
  e.maxLength([...p, 'placeholder'], c.placeholder, 150);
  e.intRange([...p, 'min_values'], c.min_values, 0, 25);
  e.intRange([...p, 'max_values'], c.max_values, 1, 25);
  if (c.type !== 3) return;
  const options = Array.isArray(c.options) ? c.options : [];
  if (options.length < 1 || options.length > 25) e.add([...p, 'options'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.');
  const values = new Set<unknown>();
  options.forEach((o: unknown, k) => {
    const opt = isObj(o) ? o : {};
    e.length([...p, 'options', k, 'label'], opt.label, 1, 100);
    e.length([...p, 'options', k, 'value'], opt.value, 1, 100);
    e.maxLength([...p, 'options', k, 'description'], opt.description, 100);
    if (values.has(opt.value)) e.add([...p, 'options', k, 'value'], 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', 'Select option values must be unique');
    values.add(opt.value);
  });
  if (typeof c.max_values === 'number' && c.max_values > options.length) {
    e.add([...p, 'max_values'], 'SELECT_COMPONENT_MAX_VALUES_TOO_LARGE', `max_values must be less than or equal to the number of options (${options.length})`);
  }
}

export function validateTextInput(e: FormErrors, c: Obj, p: Path): void {
  e.length([...p, 'custom_id'], c.custom_id, 1, 100);
  e.choices([...p, 'style'], c.style, [1, 2]);
  e.length([...p, 'label'], c.label, 1, 45);
  e.intRange([...p, 'min_length'], c.min_length, 0, 4000);
  e.intRange([...p, 'max_length'], c.max_length, 1, 4000);
  e.maxLength([...p, 'placeholder'], c.placeholder, 100);
  e.maxLength([...p, 'value'], c.value, 4000);
}

function validateAllowedMentions(e: FormErrors, am: unknown): void {
  if (am === undefined || am === null) return;
  if (!isObj(am)) return e.add(['allowed_mentions'], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
  const parse = am.parse === undefined ? [] : Array.isArray(am.parse) ? am.parse : null;
  if (!parse) e.add(['allowed_mentions', 'parse'], 'BASE_TYPE_ARRAY', 'Must be an array.');
  (parse ?? []).forEach((v: unknown, i) => e.choices(['allowed_mentions', 'parse', i], v, ['roles', 'users', 'everyone']));
  for (const kind of ['users', 'roles'] as const) {
    const list = am[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      e.add(['allowed_mentions', kind], 'BASE_TYPE_ARRAY', 'Must be an array.');
      continue;
    }
    if (list.length > 100) e.add(['allowed_mentions', kind], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
    if (parse?.includes(kind) && list.length > 0) {
      e.add(['allowed_mentions'], 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`);
    }
  }
}
