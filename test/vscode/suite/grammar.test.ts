// Tokenizes with VS Code's own TextMate engine and grammars (the ones the running VS Code
// uses), so the test covers our injections on top of the built-in YAML grammar.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface Token { text: string; scopes: string[] }

// The few parts of vscode-textmate and vscode-oniguruma used here (both ship inside VS Code).
interface RawToken { startIndex: number; endIndex: number; scopes: string[] }
interface Grammar { tokenizeLine(line: string, state: unknown): { tokens: RawToken[]; ruleStack: unknown } }
interface TextMate {
  INITIAL: unknown;
  Registry: new (options: { onigLib: Promise<unknown>; loadGrammar(scope: string): Promise<unknown> }) => { loadGrammar(scope: string): Promise<Grammar | null> };
  parseRawGrammar(content: string, file: string): unknown;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (sources: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

async function loadGrammar(scopeName: string): Promise<{ tokenize(lines: string[]): Token[][] }> {
  const appRequire = (name: string) => require(path.join(vscode.env.appRoot, 'node_modules', name));
  const textmate: TextMate = appRequire('vscode-textmate');
  const oniguruma: Oniguruma = appRequire('vscode-oniguruma');
  const wasm = fs.readFileSync(path.join(vscode.env.appRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  // Every grammar every extension contributes, by scope name: what VS Code itself resolves.
  const grammarFiles = new Map<string, string>();
  for (const extension of vscode.extensions.all) {
    for (const grammar of extension.packageJSON?.contributes?.grammars ?? []) {
      grammarFiles.set(grammar.scopeName, path.join(extension.extensionPath, grammar.path));
    }
  }
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope: string) => {
      const file = grammarFiles.get(scope);
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
  });
  const loaded = await registry.loadGrammar(scopeName);
  assert.ok(loaded, `grammar ${scopeName} loads`);
  const grammar = loaded;
  return {
    tokenize(lines) {
      let state = textmate.INITIAL;
      return lines.map((line) => {
        const result = grammar.tokenizeLine(line, state);
        state = result.ruleStack;
        return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
      });
    },
  };
}

const SAMPLE = [
  '# integration-lint-disable-next-line connect-demo-row-limit -- trial only',
  'paths:',
  '  heroku_connect:',
  '    plan: demo',
  '    polling_interval: 10m',
  '    contracted_rows: 1_200_000',
  'regions:',
  '  heroku_connect: us',
  'summary: a demo of the plan',
];

describe('The TextMate grammar', () => {
  let lines: Token[][];
  before(async () => {
    lines = (await loadGrammar('source.integration-yaml')).tokenize(SAMPLE);
  });
  const scopesOf = (line: number, text: string) => {
    const token = lines[line].find((t) => t.text === text);
    assert.ok(token, `token "${text}" on line ${line + 1}: ${JSON.stringify(lines[line].map((t) => t.text))}`);
    return token.scopes;
  };

  it('builds on VS Code\'s YAML grammar', () => {
    assert.ok(scopesOf(3, 'plan').includes('entity.name.tag.yaml'));
  });
  it('marks suppression directives and the rule ids in them', () => {
    assert.ok(scopesOf(0, 'integration-lint-disable-next-line').includes('keyword.control.directive.suppression.integration-yaml'));
    assert.ok(scopesOf(0, 'connect-demo-row-limit').includes('constant.other.rule-id.integration-yaml'));
  });
  it('marks top-level sections and path keys, but not a region key of the same name', () => {
    assert.ok(scopesOf(1, 'paths').includes('entity.name.section.integration-yaml'));
    assert.ok(scopesOf(2, 'heroku_connect').includes('entity.name.type.path.integration-yaml'));
    assert.ok(!scopesOf(7, 'heroku_connect').includes('entity.name.type.path.integration-yaml'));
  });
  it('marks enum values, durations with their unit, and grouped counts', () => {
    assert.ok(scopesOf(3, 'demo').includes('constant.language.enum.integration-yaml'));
    assert.ok(scopesOf(4, '10').includes('constant.numeric.duration.integration-yaml'));
    assert.ok(scopesOf(4, 'm').includes('keyword.other.unit.integration-yaml'));
    assert.ok(scopesOf(5, '1_200_000').includes('constant.numeric.integer.grouped.integration-yaml'));
  });
  it('does not mark an enum word inside free text', () => {
    assert.ok(!lines[8].some((t) => t.scopes.includes('constant.language.enum.integration-yaml')));
  });
});
