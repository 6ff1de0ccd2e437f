// Builds the .vsix the way `npm run package` does and checks exactly which files ship. Packaging
// makes its own production bundles (in a copy of the repository), so this needs no earlier build
// and runs in the unit suite alone; a bundle the build did not make is missing here and fails.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
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
    // One client and one server script for desktop VS Code and the web, and the desktop's two
    // small Node launchers (the stdio server, dist/server/main.js, is for other editors).
    'extension/dist/client/web.js',
    'extension/dist/client/extension.js',
    'extension/dist/server/web.js',
    'extension/dist/server/desktop.js',
    'extension/dist/webview/main.js',
    'extension/server/schema/integration.schema.json',
    'extension/server/schema/salesforce-org.schema.json',
    'extension/syntaxes/integration-yaml.tmLanguage.json',
    'extension/snippets/integration-yaml.code-snippets',
    'extension/client/media/walkthrough.css',
    // Show Knowledge Base opens it.
    // Every rule's documentation: the diagnostics' links and "Show documentation" open them.
    ...RULES.map((rule) => `extension/${ruleDocPath(rule.id)}`),
  ].sort();
  assert.deepEqual(zipEntries(vsix).sort(), expected);
  const size = statSync(vsix).size;
  assert.ok(size < 500_000, `the .vsix stays under 500 KB (${size} bytes)`);
});
