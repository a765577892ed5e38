// The comm server's set-up limit (commserver/setup-gate.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SetupGate } from '../../commserver/setup-gate.js';

function gate(limit: number, slotMs = 60_000) {
  const started: number[] = [];
  let onStart: ((alias: number) => void) | undefined;
  const setups = new SetupGate({ limit, slotMs, start: (alias) => (started.push(alias), onStart?.(alias)) });
  return { setups, started, nextStart: () => new Promise<number>((resolve) => (onStart = resolve)) };
}

test('at most `limit` set-ups run; the others start in arrival order as places free up', () => {
  const { setups, started } = gate(2);
  for (const alias of [11, 12, 13, 14, 15]) setups.request(alias);
  assert.deepEqual(started, [11, 12]);
  assert.equal(setups.running, 2);
  assert.equal(setups.waiting, 3);
  setups.done(12);
  assert.deepEqual(started, [11, 12, 13]);
  setups.done(11);
  setups.done(13);
  assert.deepEqual(started, [11, 12, 13, 14, 15]);
  assert.equal(setups.waiting, 0);
  setups.clear();
});

test('a waiting peer that ends (WebSocket fallback, gone) leaves the queue without taking a place', () => {
  const { setups, started } = gate(1);
  setups.request(1);
  setups.request(2);
  setups.request(3);
  assert.equal(setups.isWaiting(2), true);
  setups.done(2);
  assert.equal(setups.isWaiting(2), false);
  assert.equal(setups.running, 1, 'the running set-up keeps its place');
  setups.done(1);
  assert.deepEqual(started, [1, 3]);
  setups.done(1); // a second end of the same set-up changes nothing
  assert.equal(setups.running, 1);
  setups.clear();
});

test('a set-up holds its place for at most slotMs', { timeout: 5_000 }, async () => {
  const { setups, started, nextStart } = gate(1, 50);
  // The gate's timers are unref'd (they never keep a server alive); this keeps the test's loop running.
  const keepAlive = setInterval(() => undefined, 1_000);
  setups.request(1);
  const second = nextStart();
  setups.request(2);
  assert.deepEqual(started, [1]);
  assert.equal(await second, 2, 'the second starts when the first one\'s slot expires');
  setups.done(1); // the first one ends later: no place is freed twice
  assert.equal(setups.running, 1);
  setups.clear();
  clearInterval(keepAlive);
});

test('limit 0 starts every set-up at once', () => {
  const { setups, started } = gate(0);
  for (let alias = 1; alias <= 100; alias++) setups.request(alias);
  assert.equal(started.length, 100);
  assert.equal(setups.waiting, 0);
  setups.clear();
});
