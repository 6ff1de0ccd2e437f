import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/node/launchProfile';

const ROOT = join(__dirname, '../..');

test('the README tells other editors the flags and environment VS Code starts the server with', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const neovim = /cmd = \{([^}]*)\}/.exec(readme)?.[1] ?? '';
  for (const flag of SERVER_NODE_FLAGS) {
    assert.ok(readme.includes(`node ${flag}`), `the README names ${flag}`);
    assert.ok(neovim.includes(`'${flag}'`), `the Neovim example passes ${flag}`);
  }
  for (const [name, value] of Object.entries(SERVER_ENV)) assert.ok(readme.includes(`${name} = '${value}'`) && readme.includes(`${name}=${value}`), `the README sets ${name}=${value}`);
});

test('this Node.js accepts every server flag (an unknown V8 flag would only be a warning)', () => {
  const out = execFileSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(out, 'ok');
  const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  for (const flag of SERVER_NODE_FLAGS) assert.ok(known.includes(`  ${flag.replace(/=.*/, '')} `), `${flag} is a V8 option of ${process.version}`);
});
