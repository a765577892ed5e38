// Duplicate detection of numbered reliable messages (the `ack` extension).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PublisherWindows } from '../../commserver/publisher-windows.js';

const id = (n: number) => new Uint8Array(16).fill(n);

test('a number is new once per publisher; gaps are not duplicates; numbers far behind the highest are', () => {
  const windows = new PublisherWindows({ maxPublishers: 10, idleMs: 60_000 });
  assert.equal(windows.isNew(id(1), 1), true);
  assert.equal(windows.isNew(id(1), 1), false);
  assert.equal(windows.isNew(id(2), 1), true, 'publishers are apart');
  assert.equal(windows.isNew(id(1), 5), true, 'a gap (topics this server does not carry)');
  assert.equal(windows.isNew(id(1), 3), true, 'a number inside the window not seen yet');
  assert.equal(windows.isNew(id(1), 3), false);
  assert.equal(windows.isNew(id(1), 5), false);
  assert.equal(windows.isNew(id(1), 37), true);
  assert.equal(windows.isNew(id(1), 5), false, '32 behind the highest: seen, remembered at the edge of the window');
  assert.equal(windows.isNew(id(1), 4), false, 'further behind than the window: only a duplicate can be');
  assert.equal(windows.isNew(id(1), 100), true, 'a jump past the whole window');
  assert.equal(windows.isNew(id(1), 99), true);
  assert.equal(windows.isNew(id(1), 99), false);
});

test('the publishers remembered are bounded: the least recently heard from are forgotten first', () => {
  const windows = new PublisherWindows({ maxPublishers: 2, idleMs: 60_000 });
  windows.isNew(id(1), 1);
  windows.isNew(id(2), 1);
  windows.isNew(id(1), 2); // 1 heard from more recently than 2
  windows.isNew(id(3), 1);
  assert.equal(windows.size, 2);
  assert.equal(windows.isNew(id(1), 2), false, 'publisher 1 is still known');
  assert.equal(windows.isNew(id(2), 1), true, 'publisher 2 was forgotten');
});

test('a publisher idle for longer than idleMs is forgotten', () => {
  const windows = new PublisherWindows({ maxPublishers: 10, idleMs: 1_000 });
  windows.isNew(id(1), 1, 0);
  windows.isNew(id(2), 1, 900);
  assert.equal(windows.isNew(id(3), 1, 1_500), true);
  assert.equal(windows.size, 2, 'publisher 1 swept');
  assert.equal(windows.isNew(id(2), 1, 1_600), false, 'publisher 2 was heard from 700 ms ago');
});
