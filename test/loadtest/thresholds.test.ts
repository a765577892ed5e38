// Thresholds of `broker loadtest`: which figure each bounds, and a real run
// that misses one exiting with its own code and saying which.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { EXIT_THRESHOLDS_MISSED } from '../../cli/options.js';
import type { LoadTestResult } from '../../loadtest/result.js';
import { checkThresholds } from '../../loadtest/thresholds.js';
import { syntheticResult } from './synthetic-result.js';

const broker = fileURLToPath(new URL('../../cli/broker.js', import.meta.url));

test('each threshold bounds its figure; one the run did not measure is missed', () => {
  const result = syntheticResult();
  const outcomes = checkThresholds(result, new Map([
    ['max-p99-ms', 9], ['max-loss', 0.01], ['max-setup-p99-ms', 299], ['max-server-rss-mib', 64], ['max-server-cores', 0.05],
  ]));
  assert.deepEqual(outcomes.map(({ flag, met }) => [flag, met]), [
    ['max-p99-ms', true], ['max-loss', false], ['max-setup-p99-ms', false], ['max-server-rss-mib', true], ['max-server-cores', false],
  ]);
  assert.equal(outcomes[1].value, '1.6667%');
  const silent: LoadTestResult = { ...result, expected: 0, delivered: 0, lost: 0, lossRatio: 0, servers: [] };
  const unmeasured = checkThresholds(silent, new Map([['max-loss', 1], ['max-server-cores', 8]]));
  assert.deepEqual(unmeasured.map(({ value, met }) => [value, met]), [['not measured', false], ['not measured', false]]);
});

test('a run that misses a threshold exits with its code, and the report and the JSON say which', { timeout: 120_000 }, async (t) => {
  const directory = await mkdtemp(join(tmpdir(), 'loadtest-thresholds-'));
  t.after(() => rm(directory, { recursive: true, force: true }));
  const json = join(directory, 'run.json');
  const outcome = await promisify(execFile)(process.execPath, [
    broker, 'loadtest', 'dense', '--clients', '3', '--duration', '1', '--warmup', '0', '--rate', '20', '--workers', '1',
    '--max-p99-ms', '0', '--max-loss', '1', '--progress-interval', '0.5', '--json', json,
  ], { timeout: 100_000 }).then(() => ({ code: 0, stdout: '', stderr: '' }), (error: { code: number; stdout: string; stderr: string }) => error);
  assert.equal(outcome.code, EXIT_THRESHOLDS_MISSED, outcome.stderr);
  assert.match(outcome.stdout, /^threshold MISSED\s+--max-p99-ms 0: latency p99 \d+\.\d+ ms$/m);
  assert.match(outcome.stdout, /^threshold met\s+--max-loss 1: loss /m);
  assert.match(outcome.stderr, /^broker: 1 of 2 thresholds missed: --max-p99-ms 0: latency p99 /m);
  const written = JSON.parse(await readFile(json, 'utf8')) as LoadTestResult;
  assert.deepEqual(written.thresholds?.map(({ flag, met }) => [flag, met]), [['max-p99-ms', false], ['max-loss', true]]);
  // Its stderr is a pipe: progress comes as whole lines, a run of several seconds gives some.
  const progressLines = outcome.stderr.split('\n').filter((line) => /^(starting|connecting|subscribing|measuring|draining|reporting)\s+clients \d+\/3/.test(line));
  assert.ok(progressLines.length >= 2, outcome.stderr);
  assert.doesNotMatch(outcome.stderr, /\r/);
});
