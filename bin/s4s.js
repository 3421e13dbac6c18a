#!/usr/bin/env node
// Executable: hands the process's argv, streams, cwd and env to the CLI and sets its exit code.
import { runCli } from '../dist/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
