/**
 * The front-matter editor: every change to a post's fields goes through here
 * and returns the whole post text with only the affected lines changed.
 * Setting a value equal to the current one returns the text unchanged (the
 * same string), so callers can skip the save. Each result is parsed again and
 * compared with the intended values before it is returned.
 */
import type { FrontMatterLanguage, FrontMatterValue } from '../model';
import { deleteJsonValue, setJsonValue } from './edit-json';
import { FrontMatterEditError } from './edit-error';
import { deleteTomlValue, setTomlValue } from './edit-toml';
import { deleteYamlValue, setYamlValue } from './edit-yaml';
import { getAt, isRecord, toPath, valuesEqual, withValueAt, type FieldPath, type FrontMatterData } from './field-path';
import { parseBlockContent, parsePost, type ParsedPost } from './post-document';
import { FrontMatterSyntaxError } from './parse-values';

export { FrontMatterEditError };

export type FieldEdit = { kind: 'set'; key: FieldPath; value: FrontMatterValue } | { kind: 'delete'; key: FieldPath };

export interface EditOptions {
  /** Preferred field order (the site template's): a new field is placed after its predecessor in it. */
  order?: readonly string[];
  /** Language of a block created for a post that has none (default YAML). */
  newBlockLanguage?: FrontMatterLanguage;
  /**
   * The author is typing the value in the form: keep the scalar's quoting as
   * it is. (Otherwise quotes only the old value needed are dropped, which a
   * keystroke's passing state — an empty field, a trailing space — would
   * trigger.)
   */
  keepStyle?: boolean;
}

export function setField(text: string, key: FieldPath, value: FrontMatterValue, options: EditOptions = {}): string {
  return applyFieldEdits(text, [{ kind: 'set', key, value }], options);
}

export function deleteField(text: string, key: FieldPath): string {
  return applyFieldEdits(text, [{ kind: 'delete', key }]);
}

/** Appends `item` to a list field (creating the list when the field is missing or empty). */
export function addListItem(text: string, key: FieldPath, item: FrontMatterValue, options: EditOptions = {}): string {
  const current = getAt(editablePost(text).data, toPath(key));
  const list = Array.isArray(current) ? current : current === undefined || current === null ? [] : [current];
  return setField(text, key, [...list, item], options);
}

export function removeListItem(text: string, key: FieldPath, index: number): string {
  const current = getAt(editablePost(text).data, toPath(key));
  if (!Array.isArray(current) || index < 0 || index >= current.length) return text;
  return setField(text, key, current.filter((_, i) => i !== index));
}

export function applyFieldEdits(text: string, edits: readonly FieldEdit[], options: EditOptions = {}): string {
  let out = text;
  for (const edit of edits) out = edit.kind === 'set' ? setOne(out, toPath(edit.key), edit.value, options) : deleteOne(out, toPath(edit.key));
  return out;
}

/** A post whose front matter can be edited, or the reason it cannot. */
export function editablePost(text: string): ParsedPost & { data: FrontMatterData } {
  const post = parsePost(text);
  if (post.error || post.data === null) {
    const error = post.error ?? { message: 'The front matter cannot be read.' };
    throw new FrontMatterEditError(`${error.message} Fix it in the source first.`, error.line, 'invalid');
  }
  return post as ParsedPost & { data: FrontMatterData };
}

function setOne(text: string, path: string[], value: FrontMatterValue, options: EditOptions): string {
  if (path.length === 0) throw new FrontMatterEditError('A field name is required.');
  const post = editablePost(text);
  const current = getAt(post.data, path);
  if (current !== undefined && valuesEqual(current, value)) return text;
  if (!post.block) {
    if (value === null && path.length === 1) return text;
    const language = options.newBlockLanguage ?? 'yaml';
    const fence = language === 'toml' ? '+++' : '---';
    const empty = language === 'json' ? `{\n}\n` : `${fence}\n${fence}\n`;
    return setOne(empty + (text.startsWith('\n') || text === '' ? '' : '\n') + text, path, value, options);
  }
  // Maps and tables are edited key by key, so unchanged keys keep their lines.
  if (isRecord(value) && isRecord(current)) {
    let out = text;
    for (const key of Object.keys(value)) out = setOne(out, [...path, key], value[key]!, {});
    for (const key of Object.keys(current)) if (!Object.prototype.hasOwnProperty.call(value, key)) out = deleteOne(out, [...path, key]);
    return out;
  }
  const language = post.language!;
  if (language === 'toml' && value === null) return deleteOne(text, path);
  const content = post.block.content;
  const edited =
    language === 'yaml'
      ? setYamlValue(content, path, value, options.order, options.keepStyle)
      : language === 'toml'
        ? setTomlValue(content, post.data, path, value, options.order)
        : setJsonValue(content, path, value);
  return rebuild(text, post, edited, withValueAt(post.data, path, value));
}

function deleteOne(text: string, path: string[]): string {
  const post = editablePost(text);
  if (!post.block || getAt(post.data, path) === undefined) return text;
  const content = post.block.content;
  const language = post.language!;
  const edited =
    language === 'yaml' ? deleteYamlValue(content, path) : language === 'toml' ? deleteTomlValue(content, post.data, path) : deleteJsonValue(content, path);
  return rebuild(text, post, edited, withValueAt(post.data, path, undefined));
}

function rebuild(text: string, post: ParsedPost, content: string, expected: FrontMatterData): string {
  const language = post.language!;
  let actual: FrontMatterData;
  try {
    actual = parseBlockContent(language, content);
  } catch (error) {
    if (error instanceof FrontMatterSyntaxError) throw new FrontMatterEditError(`Recap could not make this edit safely (${error.message}); nothing was changed.`);
    throw error;
  }
  if (!valuesEqual(actual, expected)) throw new FrontMatterEditError('Recap could not make this edit safely; nothing was changed. Edit the front matter source instead.');
  const start = post.contentStart;
  return text.slice(0, start) + content + text.slice(start + post.block!.content.length);
}
