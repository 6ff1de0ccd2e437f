// The test module VS Code loads (extensionTestsPath → dist/test/vscode/index.js): the standard
// shape @vscode/test-electron expects, run() runs mocha and rejects when a test fails.
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000, grep: process.env.MOCHA_GREP || undefined });
  // The suite is one bundle: define describe/it first, then evaluate the test modules.
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'bundle', mocha);
  await import('./language.test');
  await import('./grammar.test');
  await import('./features.test');
  await import('./codeActions.test');
  await import('./ui.test');
  await import('./settings.test');
  await import('./restart.test');
  await import('./artifacts.test');
  await import('./restrictedMode.test');
  await import('./walkthrough.test');
  await import('./knowledgeBase.test');
  await import('./estate.test');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} test(s) failed.`);
}
