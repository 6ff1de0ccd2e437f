import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SERVER_NODE_FLAGS } from '../../server/src/protocol';

const ROOT = join(__dirname, '../..');

// The bin applies the profile itself (test/protocol/launchProfile.test.ts proves it on the
// running process), so the README's editor recipes start the bin, not `node <bin>`.
test('the README tells other editors to start the bin itself, which applies the launch profile', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const neovim = /cmd = \{([^}]*)\}/.exec(readme)?.[1] ?? '';
  assert.match(neovim, /^\s*'[^']*dist\/server\/main\.js', '--stdio'\s*$/, 'the Neovim example runs the bin');
  assert.ok(readme.includes('server/src/protocol/launchProfile.ts'), 'the README names where the profile is defined');
});

test('this Node.js accepts every server flag (an unknown V8 flag would only be a warning)', () => {
  const out = execFileSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(out, 'ok');
  const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  for (const flag of SERVER_NODE_FLAGS) assert.ok(known.includes(`  ${flag.replace(/=.*/, '')} `), `${flag} is a V8 option of ${process.version}`);
});
