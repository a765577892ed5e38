import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coordinatorPorts, coordinatorUrlsFor } from '../../cli/cluster-coordinators.js';

test('coordinators of broker cluster take consecutive ports from --port, or free ones from 0, and no port above 65535', () => {
  assert.deepEqual(coordinatorPorts(9090, 1), [9090]);
  assert.deepEqual(coordinatorPorts(9090, 3), [9090, 9091, 9092]);
  assert.deepEqual(coordinatorPorts(0, 2), [0, 0]);
  assert.deepEqual(coordinatorPorts(65534, 2), [65534, 65535]);
  assert.throws(() => coordinatorPorts(65535, 2), /--port 65535 leaves no room for 2 coordinators/);
});

test('comm servers are spread over the coordinators, each given all of them from its own on', () => {
  const urls = ['ws://a', 'ws://b', 'ws://c'];
  assert.deepEqual([0, 1, 2, 3].map((index) => coordinatorUrlsFor(index, urls)), [
    ['ws://a', 'ws://b', 'ws://c'], ['ws://b', 'ws://c', 'ws://a'], ['ws://c', 'ws://a', 'ws://b'], ['ws://a', 'ws://b', 'ws://c'],
  ]);
  assert.deepEqual(coordinatorUrlsFor(5, ['ws://alone']), ['ws://alone']);
});
