import { runCli } from './run';

// The `integration-lint` bin (bundled to dist/cli/main.js). Everything else lives in run.ts
// and the commands, so tests can run the same code in-process.

// A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdoutIsTTY: process.stdout.isTTY === true,
}).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`integration-lint: internal error (please report it): ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
