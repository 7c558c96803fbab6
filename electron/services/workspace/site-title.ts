/**
 * The site's own title, from its configuration, for the sidebar and the
 * window title (the folder is often just "site" or "blog"), and its language,
 * for the spell checker of posts that name none. Only top-level keys are
 * read, with a line match: the generator's config is never evaluated.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const YAML_TITLE = /^title:[ \t]*(.+?)[ \t]*(?:#.*)?$/m;
const TOML_TITLE = /^title[ \t]*=[ \t]*(.+?)[ \t]*(?:#.*)?$/m;

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  if (!quoted) return value.trim();
  // YAML writes a quote inside single quotes twice; a title has no other escapes worth decoding.
  return (quoted[1] === "'" ? quoted[2]!.replaceAll("''", "'") : quoted[2]!.replaceAll('\\"', '"')).trim();
}

/** Before the first [table]: a later `title` belongs to a section (menus, params), not to the site. */
function topLevelToml(text: string): string {
  const table = /^\s*\[/m.exec(text);
  return table ? text.slice(0, table.index) : text;
}

const SOURCES: readonly { file: string; read: (text: string) => string | undefined }[] = [
  { file: '_config.yml', read: (text) => YAML_TITLE.exec(text)?.[1] },
  { file: '_config.yaml', read: (text) => YAML_TITLE.exec(text)?.[1] },
  { file: 'hugo.toml', read: (text) => TOML_TITLE.exec(topLevelToml(text))?.[1] },
  { file: 'hugo.yaml', read: (text) => YAML_TITLE.exec(text)?.[1] },
  { file: 'config.toml', read: (text) => TOML_TITLE.exec(topLevelToml(text))?.[1] },
  { file: 'config.yaml', read: (text) => YAML_TITLE.exec(text)?.[1] },
  {
    file: 'package.json',
    read: (text) => {
      try {
        const name: unknown = (JSON.parse(text) as { name?: unknown }).name;
        return typeof name === 'string' ? name : undefined;
      } catch {
        return undefined;
      }
    },
  },
];

/** The first title found, or null (the folder name is used then). */
export function readSiteTitle(root: string): Promise<string | null> {
  return firstFromConfig(root, SOURCES, (raw) => {
    const title = unquote(raw);
    return title !== '' && !title.startsWith('{{') ? title.slice(0, 200) : null;
  });
}

/**
 * Reads the configuration files in order (a missing one is skipped) and
 * returns the first value `accept` takes, or null.
 */
async function firstFromConfig(
  root: string,
  sources: readonly { file: string; read: (text: string) => string | undefined }[],
  accept: (raw: string) => string | null,
): Promise<string | null> {
  for (const source of sources) {
    let text: string;
    try {
      text = await readFile(path.join(root, source.file), 'utf8');
    } catch {
      continue;
    }
    const raw = source.read(text);
    const value = raw === undefined ? null : accept(raw);
    if (value !== null) return value;
  }
  return null;
}

/** `lang` (Jekyll, Minima), `languageCode`/`defaultContentLanguage` (Hugo), `default_language` (Zola). */
const YAML_LANGUAGE = /^lang:[ \t]*(.+?)[ \t]*(?:#.*)?$/m;
const HUGO_YAML_LANGUAGE = /^(?:languageCode|defaultContentLanguage):[ \t]*(.+?)[ \t]*(?:#.*)?$/m;
const HUGO_TOML_LANGUAGE = /^(?:languageCode|defaultContentLanguage)[ \t]*=[ \t]*(.+?)[ \t]*(?:#.*)?$/m;
const CONFIG_TOML_LANGUAGE = /^(?:languageCode|defaultContentLanguage|default_language)[ \t]*=[ \t]*(.+?)[ \t]*(?:#.*)?$/m;

const LANGUAGE_SOURCES: readonly { file: string; read: (text: string) => string | undefined }[] = [
  { file: '_config.yml', read: (text) => YAML_LANGUAGE.exec(text)?.[1] },
  { file: '_config.yaml', read: (text) => YAML_LANGUAGE.exec(text)?.[1] },
  { file: 'hugo.toml', read: (text) => HUGO_TOML_LANGUAGE.exec(topLevelToml(text))?.[1] },
  { file: 'hugo.yaml', read: (text) => HUGO_YAML_LANGUAGE.exec(text)?.[1] },
  { file: 'config.toml', read: (text) => CONFIG_TOML_LANGUAGE.exec(topLevelToml(text))?.[1] },
  { file: 'config.yaml', read: (text) => HUGO_YAML_LANGUAGE.exec(text)?.[1] },
];

/** A BCP 47 tag such as `en`, `en-US`, `pt-br`; anything else (a template, a list) is ignored. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

/** The site's language, or null (the system's is used then). */
export function readSiteLanguage(root: string): Promise<string | null> {
  return firstFromConfig(root, LANGUAGE_SOURCES, (raw) => {
    const tag = unquote(raw);
    return LANGUAGE_TAG.test(tag) ? tag.replace('_', '-') : null;
  });
}
