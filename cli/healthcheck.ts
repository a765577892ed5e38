#!/usr/bin/env node
// A container healthcheck: `node dist/cli/healthcheck.js FILE [PATH]` reads the
// operations URL a broker process wrote to FILE (--http-url-file) and asks it
// for PATH (/readyz by default). Exit 0 when the answer is 2xx, 1 otherwise
// (no file yet, no answer within 5 s, or not ready).
import { readFileSync } from 'node:fs';

const [file, path = '/readyz'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node dist/cli/healthcheck.js URL_FILE [PATH]\n');
  process.exit(2);
}
try {
  const base = readFileSync(file, 'utf8').trim();
  const response = await fetch(new URL(path, base), { signal: AbortSignal.timeout(5_000) });
  process.stdout.write(`${response.status} ${await response.text()}\n`);
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  process.stderr.write(`unhealthy: ${(error as Error).message}\n`);
  process.exit(1);
}
