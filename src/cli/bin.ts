#!/usr/bin/env node
import { runCli } from './main';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`qingdu: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  },
);
