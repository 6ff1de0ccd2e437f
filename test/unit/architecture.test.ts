import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const CORE = join(__dirname, '../../server/src/core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

test('the core imports nothing from VS Code, the LSP libraries or the front ends', () => {
  const forbidden = /from\s+['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|vscode-jsonrpc[^'"]*|\.\.\/(\.\.\/)*(lsp|cli)\/[^'"]*)['"]/;
  const offenders = sourceFiles(CORE).filter((file) => forbidden.test(readFileSync(file, 'utf8')));
  assert.ok(sourceFiles(CORE).length > 10, 'core sources were found');
  assert.deepEqual(offenders, []);
});
