// loadtest/scenarios.ts, readiness.ts, process-stats.ts: who must hear whom,
// when a run may start measuring, and CPU/RSS read from /proc.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCpuTicks, parseRssBytes, readProcess, usageBetween } from '../../loadtest/process-stats.js';
import { ReadinessTracker } from '../../loadtest/readiness.js';
import {
  assignRoles, clientCount, defaultWorkers, deliveryPlan, resolveParameters, type ConnectedClient,
} from '../../loadtest/scenarios.js';

const clientsOn = (servers: number[]): ConnectedClient[] =>
  servers.map((serverAlias, index) => ({ index, alias: 100 + index, serverAlias }));

describe('delivery plans', () => {
  test('dense: everyone hears the N-1 others', () => {
    const clients = clientsOn([1, 1, 1, 1]);
    const plan = deliveryPlan(assignRoles('dense', clients), clients);
    assert.deepEqual(plan.expectFrom.get(0), [101, 102, 103]);
    assert.ok([...plan.receiversBySender.values()].every((receivers) => receivers === 3));
    assert.deepEqual([...plan.probers], [0, 1], 'two probers per (topic, server)');
    assert.deepEqual(plan.probeFrom.get(0), [101], 'a prober waits for the other prober');
    assert.deepEqual(plan.probeFrom.get(3), [100, 101]);
  });

  test('fanout: one publisher, every other client a receiver', () => {
    const clients = clientsOn([1, 1, 1]);
    const plan = deliveryPlan(assignRoles('fanout', clients), clients);
    assert.deepEqual([...plan.receiversBySender], [[100, 2]]);
    assert.deepEqual(plan.expectFrom.get(0), []);
    assert.equal(clientCount({ scenario: 'fanout', clients: 50 }), 51);
  });

  test('rooms: rooms of --room-size in client order, each a topic; a client hears its room only', () => {
    const clients = clientsOn([1, 1, 2, 1, 2, 1, 1]);
    const roles = assignRoles('rooms', clients, 3);
    assert.deepEqual(roles.map((role) => role.publish), ['room-0', 'room-0', 'room-0', 'room-1', 'room-1', 'room-1', 'room-2']);
    assert.ok(roles.every((role) => role.subscribe.length === 1 && role.subscribe[0] === role.publish));
    const plan = deliveryPlan(roles, clients);
    assert.deepEqual(plan.expectFrom.get(0), [101, 102]);
    assert.deepEqual(plan.expectFrom.get(4), [103, 105]);
    assert.deepEqual(plan.expectFrom.get(6), [], 'alone in the last room');
    assert.equal(plan.receiversBySender.get(106), undefined);
  });

  test('idle: the same rooms, subscribed, and nobody publishes', () => {
    const clients = clientsOn([1, 1, 1, 1, 1]);
    const roles = assignRoles('idle', clients, 2);
    assert.deepEqual(roles.map((role) => role.subscribe), [['room-0'], ['room-0'], ['room-1'], ['room-1'], ['room-2']]);
    assert.ok(roles.every((role) => role.publish === undefined));
    const plan = deliveryPlan(roles, clients);
    assert.equal(plan.probers.size, 0);
    assert.ok([...plan.probeFrom.values()].every((senders) => senders.length === 0), 'nothing to probe');
    assert.ok([...plan.expectFrom.values()].every((senders) => senders.length === 0));
  });

  test('mesh: a client hears only the clients of other servers', () => {
    const clients = clientsOn([1, 1, 2, 3]);
    const plan = deliveryPlan(assignRoles('mesh', clients), clients);
    assert.deepEqual(plan.expectFrom.get(0), [102, 103]);
    assert.deepEqual(plan.expectFrom.get(2), [100, 101, 103]);
    assert.equal(plan.receiversBySender.get(100), 2);
    assert.equal(plan.receiversBySender.get(102), 3);
  });
});

describe('parameters', () => {
  test('scenario defaults, overridable', () => {
    const dense = resolveParameters('dense', { clients: 100 });
    assert.equal(dense.size, 9);
    assert.equal(dense.channel, 'unreliable');
    assert.equal(dense.rate, 10);
    assert.equal(dense.clients, 100);
    assert.equal(resolveParameters('mesh', {}).servers, 3);
  });

  test('rooms and idle: rooms of 10, 10 Hz of 20 bytes on unreliable by default', () => {
    const rooms = resolveParameters('rooms', {});
    assert.deepEqual([rooms.roomSize, rooms.rate, rooms.size, rooms.channel, rooms.batch], [10, 10, 20, 'unreliable', true]);
    assert.equal(resolveParameters('idle', { roomSize: 25 }).roomSize, 25);
    assert.throws(() => resolveParameters('rooms', { roomSize: 1 }), /--room-size/);
    assert.throws(() => resolveParameters('idle', { roomSize: 2.5 }), /--room-size/);
  });

  test('rejects what cannot be measured', () => {
    assert.throws(() => resolveParameters('dense', { size: 8 }), /--size/);
    assert.throws(() => resolveParameters('dense', { clients: 1 }), /--clients/);
    assert.throws(() => resolveParameters('dense', { rate: 0 }), /--rate/);
    assert.throws(() => resolveParameters('dense', { durationSeconds: 1e6 }), /--duration/);
    assert.throws(() => resolveParameters('dense', { webrtcTimeoutMs: 500 }), /--webrtc-timeout needs --transport auto/);
    assert.throws(() => resolveParameters('dense', { transport: 'auto', webrtcTimeoutMs: 0 }), /--webrtc-timeout must be/);
    assert.throws(() => resolveParameters('idle', { heartbeatIntervalMs: -1 }), /--heartbeat-interval/);
    assert.throws(() => resolveParameters('idle', { heartbeatIntervalMs: 2.5 }), /--heartbeat-interval/);
  });

  test("the clients' heartbeat interval: the client's default unless given, 0 turns it off", () => {
    assert.equal(resolveParameters('idle', {}).heartbeatIntervalMs, undefined);
    assert.equal(resolveParameters('idle', { heartbeatIntervalMs: 0 }).heartbeatIntervalMs, 0);
    assert.equal(resolveParameters('idle', { heartbeatIntervalMs: 250 }).heartbeatIntervalMs, 250);
  });

  test('workers leave a core per local server, one at least, four at most', () => {
    assert.equal(defaultWorkers(100, 1, 2), 1);
    assert.equal(defaultWorkers(100, 3, 2), 1);
    assert.equal(defaultWorkers(100, 0, 16), 4);
    assert.equal(defaultWorkers(2, 0, 16), 2);
  });
});

test('readiness: ready once every receiver heard each of its probers', () => {
  const tracker = new ReadinessTracker([[0, [101]], [1, [100, 102]], [2, []]]);
  assert.equal(tracker.ready, false);
  assert.equal(tracker.heard(1, 100), false);
  assert.equal(tracker.heard(1, 100), false, 'a repeat changes nothing');
  assert.equal(tracker.heard(0, 101), false);
  assert.equal(tracker.heard(1, 102), true);
  assert.equal(tracker.heard(1, 102), false, 'ready is reported once');
});

test('readiness: a client lost before measuring is waited for by nobody, and waits for nobody', () => {
  // Receiver 2 is the client of alias 102.
  const tracker = new ReadinessTracker([[0, [101, 102]], [1, [102]], [2, [100]]]);
  assert.equal(tracker.heard(0, 101), false);
  assert.equal(tracker.forget(2, 102), true);
  assert.equal(tracker.forget(2, 102), false, 'ready is reported once');
  assert.equal(new ReadinessTracker([[0, [101]], [1, [100]]]).forget(3, 103), false, 'a stranger changes nothing');
});

describe('process statistics', () => {
  test('parses /proc/<pid>/stat past a command name with spaces and parentheses', () => {
    const stat = '4242 (node (a) b) S 1 4242 4242 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 11 0 1000 100000 2000';
    assert.equal(parseCpuTicks(stat), 300);
    assert.equal(parseRssBytes('Name:\tnode\nVmRSS:\t   51200 kB\nThreads: 11\n'), 51200 * 1024);
  });

  test('reads this process', () => {
    const sample = readProcess(process.pid);
    assert.ok(sample && sample.rssBytes > 10 * 1024 * 1024 && sample.cpuSeconds > 0);
    assert.equal(readProcess(2 ** 22 + 1), undefined, 'no such process');
  });

  test('cores are CPU seconds over wall seconds; RSS is the peak in the window', () => {
    const samples = [
      { atMs: 0, cpuSeconds: 1, rssBytes: 10 },
      { atMs: 1000, cpuSeconds: 1.5, rssBytes: 30 },
      { atMs: 2000, cpuSeconds: 2.4, rssBytes: 20 },
      { atMs: 3000, cpuSeconds: 9, rssBytes: 99 },
    ];
    assert.deepEqual(usageBetween(samples, 0, 2000), { cpuCores: 0.7, rssBytes: 30 });
  });
});
