import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/run';
import type { CliContext } from '../../server/src/cli/context';
import { ROOT } from './helpers';

// Colour depends on stdout being a terminal, which a spawned bundle never has here, so this
// runs the same CLI code in-process with a context that says "terminal".
function context(env: Record<string, string>, isTTY: boolean): CliContext & { out: () => string } {
  let out = '';
  return {
    cwd: ROOT, env, stdoutIsTTY: isTTY,
    stdout: { write: (text: string) => { out += text; } },
    stderr: { write: () => {} },
    out: () => out,
  };
}

const FILE = 'test/cli/fixtures/duplicate-key.integration.yaml';

describe('colour', () => {
  it('colours severities on a terminal', async () => {
    const c = context({}, true);
    assert.equal(await runCli([FILE], c), 1);
    assert.match(c.out(), /\x1b\[31merror\x1b\[0m/);
  });

  it('respects NO_COLOR, and never colours a pipe', async () => {
    for (const c of [context({ NO_COLOR: '1' }, true), context({}, false)]) {
      await runCli([FILE], c);
      assert.doesNotMatch(c.out(), /\x1b\[/);
      assert.match(c.out(), /:4:1 error duplicate-key /);
    }
  });
});
