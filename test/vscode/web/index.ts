// The web suite's test module (dist/test/vscode-web/index.js), run by scripts/vscode-test.mjs --web
// in VS Code's web worker extension host: a single CommonJS bundle that requires only `vscode`,
// with mocha's prebuilt browser build (its Node entry needs fs and path). run() resolves when
// every test passed; the spec reporter prints through console.log, which the workbench forwards.
import 'mocha/mocha.js';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  // Options come as settings the harness seeds (there are no environment variables here).
  const grep = vscode.workspace.getConfiguration('integrationDesignerTest').get<string>('grep');
  if (grep) mocha.grep(grep);
  await import('./host.test');
  await import('./language.test');
  await import('./walkthrough.test');
  await import('./artifacts.test');
  await import('./ui.test');
  await import('./restart.test');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} test(s) failed.`);
}
