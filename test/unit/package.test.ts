// Builds the .vsix the way `npm run package` does and checks exactly which files ship.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { RULES, ruleDocPath } from '../../server/src/core/rules/registry';
import { zipEntries } from '../helpers/zip';

const root = join(__dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'integration-designer-package-'));
after(() => rmSync(temp, { recursive: true, force: true }));

test('the .vsix contains exactly what the extension needs at run time', { timeout: 180_000 }, () => {
  const vsix = join(temp, 'extension.vsix');
  const result = spawnSync(process.execPath, [join(root, 'scripts/package.mjs'), '--out', vsix], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, `packaging failed:\n${result.stdout}\n${result.stderr}`);

  const expected = [
    '[Content_Types].xml',
    'extension.vsixmanifest',
    'extension/package.json',
    'extension/readme.md',
    'extension/LICENSE.txt',
    'extension/language-configuration.json',
    'extension/dist/client/extension.js',
    'extension/dist/server/main.js',
    ...(existsSync(join(root, 'client/src/webview/main.ts')) ? ['extension/dist/webview/main.js'] : []),
    'extension/server/schema/integration.schema.json',
    'extension/syntaxes/integration-yaml.tmLanguage.json',
    'extension/snippets/integration-yaml.code-snippets',
    ...(existsSync(join(root, 'client/media')) ? readdirSync(join(root, 'client/media')).map((f) => `extension/client/media/${f}`) : []),
    'extension/docs/format.md',
    // Every rule's documentation: the diagnostics' links and "Show documentation" open them.
    ...RULES.map((rule) => `extension/${ruleDocPath(rule.id)}`),
  ].sort();
  assert.deepEqual(zipEntries(vsix).sort(), expected);
});
