// Every snippet, expanded with its first choices and defaults, is a structurally valid design
// (no syntax or schema findings) when placed where it belongs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analysis';
import { RULES_BY_ID } from '../../server/src/core/rules/registry';

const snippets: Record<string, { prefix: string | string[]; body: string[]; description: string }> = JSON.parse(
  readFileSync(join(__dirname, '../../snippets/integration-yaml.code-snippets'), 'utf8'),
);

/** What VS Code inserts when the user accepts every default: first choice, placeholder text, tabs as two spaces. */
function expand(body: string[]): string {
  return body.join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\t/g, '  ');
}

const indent = (text: string, by: string) => text.split('\n').map((line) => (line ? by + line : line)).join('\n');
const HEADER = 'version: 1\nname: Snippet check\n';

/** Where each snippet is inserted: its prefix → the design around it. */
const CONTEXT: Record<string, (expanded: string) => string> = {
  integration: (s) => s,
  heroku: (s) => `${HEADER}${s}paths:\n  heroku_connect:\n    plan: enterprise\n`,
  mapping: (s) => `${HEADER}paths:\n  heroku_connect:\n    plan: enterprise\n    mappings:\n${indent(s, '      ')}`,
  integration_user: (s) => `${HEADER}integration_users:\n${indent(s, '  ')}paths:\n  heroku_connect:\n    plan: enterprise\n`,
  'salesforce-org': (s) => s,
};
/** Snippets that write an org file rather than (part of) a design. */
const ORG_FILE_PREFIXES = new Set(['salesforce-org']);
const inPaths = (s: string) => `${HEADER}paths:\n${indent(s, '  ')}`;

describe('snippets', () => {
  for (const [name, snippet] of Object.entries(snippets)) {
    const prefix = Array.isArray(snippet.prefix) ? snippet.prefix[0] : snippet.prefix;
    it(`${name} (${prefix}) expands to a structurally valid ${ORG_FILE_PREFIXES.has(prefix) ? 'org file' : 'design'}`, () => {
      const text = (CONTEXT[prefix] ?? inPaths)(expand(snippet.body));
      const structural = analyze(text, { kind: ORG_FILE_PREFIXES.has(prefix) ? 'org' : 'design' }).findings.filter((f) => ['syntax', 'schema'].includes(RULES_BY_ID.get(f.ruleId)?.category ?? ''));
      assert.deepEqual(structural.map((f) => `${f.ruleId}: ${f.message}`), [], text);
      assert.ok(snippet.description.length > 10);
    });
  }
});
