import type { NodePath } from '../model/node';
import { PATHS } from '../paths';
import { DESIGN_SCHEMA, resolve, type SchemaNode } from '../schema/schema';
import { allowedValues, arraySchema, isObjectSchema, keyInfo } from './schemaInfo';

/**
 * The keys a new section's snippet starts with: the ones every design of that kind states.
 * Only names live here (and, for each path's sections, in its module); their values, defaults
 * and order of choices come from the schema (a unit test checks every name exists there).
 * Sections not listed get their required keys.
 */
export const SECTION_SNIPPET_KEYS: Readonly<Record<string, readonly string[]>> = {
  salesforce: ['edition', 'org_type', 'my_domain', 'cli_alias'],
  heroku: ['team', 'apps'],
  'heroku.private_space': ['name', 'generation', 'shield'],
  requirements: ['direction', 'source_of_truth', 'acceptable_lag', 'volume'],
  'requirements.volume': ['rows'],
  'requirements.salesforce_calls_heroku': ['from', 'synchronous'],
  regions: ['heroku_app', 'heroku_postgres', 'salesforce'],
  paths: [],
  ...Object.fromEntries(PATHS.flatMap((p) => Object.entries(p.snippets.completionKeys).map(([section, keys]) => [section ? `paths.${p.key}.${section}` : `paths.${p.key}`, keys]))),
  'integration_users[]': ['username', 'kind', 'license', 'permissions', 'permission_set', 'used_by'],
};

/** `paths.heroku_connect.mappings[]` for a path; indexes and user ids become `[]`. */
export function sectionKey(path: NodePath): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (typeof segment === 'number' || (i === 1 && path[0] === 'integration_users')) out += '[]';
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/** Builds snippet text and its plain twin (for clients without snippets) side by side. */
export class SnippetBuilder {
  private snippetText = '';
  private plainText = '';
  private stop = 0;

  text(t: string): this {
    this.snippetText += escapeSnippet(t);
    this.plainText += t;
    return this;
  }

  /** `${n|a,b|}`: the first choice is what plain text gets. */
  choice(options: readonly string[]): this {
    if (options.length === 1) return this.placeholder(options[0]);
    this.snippetText += `\${${++this.stop}|${options.map(escapeChoice).join(',')}|}`;
    this.plainText += options[0] ?? '';
    return this;
  }

  /** `${n:default}` or `$n`. */
  placeholder(value = ''): this {
    this.stop++;
    this.snippetText += value ? `\${${this.stop}:${escapeSnippet(value)}}` : `$${this.stop}`;
    this.plainText += value;
    return this;
  }

  get tabStops(): number {
    return this.stop;
  }

  build(): { snippet: string; plain: string } {
    return { snippet: this.snippetText, plain: this.plainText };
  }
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, '\\$&');
}

/** Allowed values with the default first (the snippet's pre-selected choice). */
export function choicesOf(schema: SchemaNode): string[] {
  const values = allowedValues(schema).map((v) => String(v.value));
  const def = schema.default === undefined ? undefined : String(schema.default);
  return def && values.includes(def) ? [def, ...values.filter((v) => v !== def)] : values;
}

export interface Layout {
  readonly eol: string;
  readonly unit: number;
}

/**
 * Writes `key: <value>` for the key at `path` into `b`, where the key sits at `column`.
 * Sections expand to their snippet keys on the following lines; the text after the first
 * line carries absolute indentation.
 */
export function writeKey(b: SnippetBuilder, path: NodePath, column: number, layout: Layout, depth = 0, root: SchemaNode = DESIGN_SCHEMA): void {
  const name = String(path[path.length - 1]);
  const info = keyInfo(path, root);
  b.text(`${name}:`);
  if (!info) {
    b.text(' ').placeholder();
    return;
  }
  writeValue(b, path, info.schema, column, layout, depth, root);
}

function writeValue(b: SnippetBuilder, path: NodePath, schema: SchemaNode, column: number, layout: Layout, depth: number, root: SchemaNode): void {
  const indent = (n: number) => ' '.repeat(n);
  const array = arraySchema(schema);
  const itemSchema = array?.items ? resolve(array.items) : undefined;
  if (isObjectSchema(schema)) {
    const keys = depth < 2 ? snippetKeys(path, schema) : [];
    if (keys.length === 0) {
      b.text(`${layout.eol}${indent(column + layout.unit)}`).placeholder();
      return;
    }
    for (const key of keys) {
      b.text(`${layout.eol}${indent(column + layout.unit)}`);
      writeKey(b, [...path, key], column + layout.unit, layout, depth + 1, root);
    }
    return;
  }
  if (itemSchema && isObjectSchema(itemSchema) && schema.type === 'array') {
    const keys = depth < 2 ? snippetKeys([...path, 0], itemSchema) : [];
    const dashColumn = column + layout.unit;
    b.text(`${layout.eol}${indent(dashColumn)}- `);
    keys.forEach((key, i) => {
      if (i > 0) b.text(`${layout.eol}${indent(dashColumn + 2)}`);
      writeKey(b, [...path, 0, key], dashColumn + 2, layout, depth + 1, root);
    });
    if (keys.length === 0) b.placeholder();
    return;
  }
  const choices = choicesOf(schema);
  if (array && itemSchema && choices.length > 0 && schema.type === 'array') {
    b.text(' [').choice(choices).text(']');
    return;
  }
  b.text(' ');
  if (choices.length > 0) b.choice(choices);
  else b.placeholder(schema.default === undefined ? '' : String(schema.default));
}

/** The keys a snippet of the section at `path` writes. */
export function snippetKeys(path: NodePath, schema: SchemaNode): string[] {
  const properties = Object.keys(schema.properties ?? {});
  const listed = SECTION_SNIPPET_KEYS[sectionKey(path)];
  if (listed) return listed.filter((k) => properties.includes(k));
  return (schema.required ?? []).filter((k) => properties.includes(k));
}

/** The snippet text for `key: …` at `path`, with the key at `column`. */
export function keySnippet(path: NodePath, column: number, layout: Layout, root: SchemaNode = DESIGN_SCHEMA): { snippet: string; plain: string; multiline: boolean; tabStops: number } {
  const b = new SnippetBuilder();
  writeKey(b, path, column, layout, 0, root);
  const built = b.build();
  return { ...built, multiline: built.plain.includes('\n'), tabStops: b.tabStops };
}
