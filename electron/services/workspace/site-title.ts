/**
 * The site's own title, from its configuration, for the sidebar and the
 * window title (the folder is often just "site" or "blog"). Only top-level
 * keys are read, with a line match: the generator's config is never evaluated.
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
export async function readSiteTitle(root: string): Promise<string | null> {
  for (const source of SOURCES) {
    let text: string;
    try {
      text = await readFile(path.join(root, source.file), 'utf8');
    } catch {
      continue;
    }
    const raw = source.read(text);
    const title = raw === undefined ? '' : unquote(raw);
    if (title !== '' && !title.startsWith('{{')) return title.slice(0, 200);
  }
  return null;
}
