import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { describe, it } from 'node:test';
import { TextDocumentSyncKind } from 'vscode-languageserver';
import { ORDER_SYNC } from './fixtures';
import { capabilities, docUri, SERVER_MAIN, startServer } from '../helpers/lspDriver';
import { positionOf } from './lspText';

describe('server lifecycle over stdio', () => {
  it('initializes with incremental sync and its features, then shuts down and exits with 0', async () => {
    const client = await startServer();
    const { capabilities, serverInfo } = client.initializeResult;
    assert.equal(serverInfo?.name, 'integration-lint-server');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } });
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.ok(capabilities.documentSymbolProvider);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.integrationDesigner'], resolveProvider: false });
    assert.deepEqual(capabilities.executeCommandProvider?.commands, ['integrationDesigner.showRuleDocumentation']);
    assert.equal(await client.stop(), 0);
  });

  it('answers requests on documents it does not know with empty results', async () => {
    const client = await startServer();
    try {
      const unknown = 'file:///nowhere/unknown.yaml';
      const position = { line: 0, character: 0 };
      assert.equal(await client.hover(unknown, position), null);
      assert.deepEqual(await client.codeActions(unknown, { start: position, end: position }, []), []);
      assert.deepEqual(await client.completion(unknown, position), []);
      assert.equal(await client.documentSymbols(unknown), null);
      assert.equal(await client.foldingRanges(unknown), null);
    } finally {
      await client.stop();
    }
  });

  it('survives a handler that throws: logs it, answers empty, keeps serving', async () => {
    const client = await startServer();
    try {
      const uri = docUri('lifecycle');
      client.open(uri, ORDER_SYNC);
      await client.waitForDiagnostics(uri, 1);
      // A malformed request (no position) makes the hover handler throw inside the server.
      const broken = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: null });
      assert.equal(broken, null);
      const log = await client.waitForLog((l) => /hover failed/.test(l.message));
      assert.equal(log.type, 1, 'logged as an error');
      // Still serving: a real hover, and validation of a new version.
      assert.ok(await client.hover(uri, positionOf(ORDER_SYNC, 'plan', 1)));
      client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# more\n' }]);
      await client.waitForDiagnostics(uri, 2);
      // An unknown command and bad arguments are reported, not fatal.
      assert.equal(await client.executeCommand('integrationDesigner.showRuleDocumentation', ['no-such-rule']), null);
      assert.equal(client.child.exitCode, null);
    } finally {
      await client.stop();
    }
  });

  it('also speaks over node IPC, the transport the VS Code client uses', async () => {
    const child = fork(SERVER_MAIN, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    connection.listen();
    try {
      const uri = docUri('ipc');
      const published = new Promise<{ uri: string; version?: number }>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
      connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
      connection.onRequest('client/registerCapability', () => null);
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: capabilities({}) });
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'integration-yaml', version: 1, text: ORDER_SYNC } });
      assert.deepEqual(await published.then((p) => [p.uri, p.version]), [uri, 1]);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('prints its version and usage for people who run it by hand', () => {
    const version = spawnSync(process.execPath, [SERVER_MAIN, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const help = spawnSync(process.execPath, [SERVER_MAIN, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: integration-lint-server --stdio/);
  });
});
