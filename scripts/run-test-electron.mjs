#!/usr/bin/env node
// The standard launcher, @vscode/test-electron's runTests, running the same suite.
//   node scripts/run-test-electron.mjs                 here: VS Code is scripts/vscode-test.mjs,
//                                                      which takes VS Code's command-line arguments
//   VSCODE_EXECUTABLE=/path/to/code node scripts/run-test-electron.mjs   a desktop VS Code
// (On a machine that can download VS Code, drop vscodeExecutablePath and runTests fetches one.)
// The test module is the standard one: dist/test/vscode/index.js exports run(), which runs mocha
// and rejects when a test fails. Build first (npm run build).
import { runTests } from '@vscode/test-electron';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
try {
  await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE ?? join(root, 'scripts', 'vscode-test.mjs'),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist', 'test', 'vscode', 'index.js'),
    launchArgs: [join(root, 'test', 'vscode', 'fixtures'), '--disable-extensions'],
  });
} catch (error) {
  console.error(`Tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
