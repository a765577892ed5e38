// A whole load-test run against real local clusters: a lossless one must
// report no loss, and one whose comm server drops must report the drops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLoadTest } from '../../loadtest/run.js';
import { resolveParameters } from '../../loadtest/scenarios.js';

test('a lossless cluster: every expected delivery is counted once, none of the warm-up', { timeout: 90_000 }, async () => {
  const parameters = resolveParameters('dense', { clients: 4, durationSeconds: 2, warmupSeconds: 1, rate: 20, channel: 'reliable', workers: 2 });
  const phases: string[] = [];
  const result = await runLoadTest({
    parameters,
    onProgress: ({ phase }) => phases.at(-1) !== phase && phases.push(phase),
  });
  assert.deepEqual(phases.filter((phase) => phase === 'warming up' || phase === 'measuring'), ['warming up', 'measuring']);
  assert.equal(result.clients.connected, 4);
  assert.equal(result.sent, 4 * 2 * 20, 'the measured window only');
  assert.equal(result.expected, result.sent * 3);
  assert.equal(result.delivered, result.expected);
  assert.equal(result.lost, 0);
  assert.equal(result.duplicated, 0);
  assert.equal(result.unexpected, 0);
  assert.ok(result.latencyMs.p50 > 0 && result.latencyMs.p50 <= result.latencyMs.p99 && result.latencyMs.p99 <= result.latencyMs.max);
  assert.equal(result.servers.length, 1);
  assert.ok(result.servers[0].cpuCores > 0 && result.servers[0].rssBytes > 0);
  assert.equal(result.generator.workers.length, 2);
  assert.ok(result.generator.cpuCores > 0);
  assert.ok(result.setupMs.p50 > 0);
});

test('a comm server that drops: the drops are reported as lost', { timeout: 90_000 }, async () => {
  // An unreliable queue smaller than one message and a 1-byte send window:
  // the server sends a message only when nothing is in flight to that peer,
  // and drops (its drop-oldest policy) any that would have to wait.
  const parameters = resolveParameters('dense', { clients: 4, durationSeconds: 2, rate: 300, size: 1000, channel: 'unreliable' });
  const result = await runLoadTest({ parameters, serverArgs: ['--unreliable-queue-bytes', '500', '--send-window-bytes', '1'] });
  assert.equal(result.expected, result.sent * 3);
  assert.ok(result.lost > 0, `expected drops, got ${JSON.stringify({ sent: result.sent, delivered: result.delivered })}`);
  assert.equal(result.delivered + result.lost, result.expected);
  assert.equal(result.duplicated, 0);
});
