// Desktop VS Code speaks to the language server process over its IPC channel as if it were a
// Worker (client/src/node/processPort.ts). A message sent to a process that has just died must
// not be reported as a connection error: the process's exit restarts the server, while errors
// count against the client's error handler, which gives up after a few (a real race: the
// walkthrough's crash test once lost its server to it).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { processPort } from '../../client/src/node/processPort';

test('a message to a process that has died is not an error of the port; the process\'s messages arrive', async () => {
  const child = spawn(process.execPath, ['-e', "process.send({ hello: 1 }); process.on('message', () => process.exit(0));"], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const port = processPort(child);
  const errors: unknown[] = [];
  port.addEventListener('error', (event) => errors.push(event));
  const received = new Promise<unknown>((resolve) => { port.onmessage = (event) => resolve(event.data); });
  assert.deepEqual(await received, { hello: 1 });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  port.postMessage({ bye: true });
  await exited;
  for (let i = 0; i < 4; i++) port.postMessage({ after: i });
  // A send's failure is reported in order after the sends before it: once this one's is, theirs were.
  const failure = await new Promise<Error | null>((resolve) => child.send({ last: true }, resolve));
  assert.ok(failure, 'sending to the dead process fails (so the check above could see errors)');
  assert.deepEqual(errors, []);
});
