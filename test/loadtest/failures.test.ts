// A load test whose run fails (a coordinator that is not there) is a
// run-time failure: exit code 1 and what failed, without the --help hint a
// bad command line gets.
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { EXIT_RUNTIME } from '../../cli/options.js';
import { freePort } from '../helpers/nats-server.js';

const broker = fileURLToPath(new URL('../../cli/broker.js', import.meta.url));

test('a run that fails exits 1 saying why, without the --help hint', { timeout: 60_000 }, async () => {
  const outcome = await promisify(execFile)(process.execPath, [
    broker, 'loadtest', 'dense', '--clients', '2', '--duration', '1', '--warmup', '0', '--workers', '1', '--progress-interval', '0',
    '--coordinator-url', `ws://127.0.0.1:${await freePort()}`,
  ], { timeout: 50_000 }).then(() => ({ code: 0, stderr: '' }), (error: { code: number; stderr: string }) => error);
  assert.equal(outcome.code, EXIT_RUNTIME, outcome.stderr);
  assert.match(outcome.stderr, /^broker: /m);
  assert.doesNotMatch(outcome.stderr, /--help/);
});
