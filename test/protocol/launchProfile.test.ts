// The standalone server applies VS Code's launch profile itself: its bin's first line starts
// Node with the same flags and environment, so every editor that runs `integration-lint-server`
// gets the memory behaviour VS Code gets (docs/performance.md).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/protocol';
import { SERVER_MAIN } from '../helpers/lspDriver';

describe('integration-lint-server started as a program (as editors start it)', () => {
  // Started without naming node: the bin's first line decides how Node runs.
  const child = spawn(SERVER_MAIN, ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { PATH: process.env.PATH } });
  let connection: MessageConnection;
  before(async () => {
    connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  });
  after(async () => {
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    connection.dispose();
  });

  it('runs Node with the launch profile\'s flags and environment', () => {
    const argv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
    for (const flag of SERVER_NODE_FLAGS) assert.ok(argv.includes(flag), `${flag} in ${argv.join(' ')}`);
    const environment = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
    for (const [name, value] of Object.entries(SERVER_ENV)) assert.ok(environment.includes(`${name}=${value}`), `${name}=${value}`);
  });
});
