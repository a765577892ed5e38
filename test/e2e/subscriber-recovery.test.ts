// What "reliable" promises a subscriber that subscribed with `recover`: after
// its comm server dies, its new server sends what it missed (from its own
// history, or fetched from the other servers when it carried no such topic),
// each message once and in order; what no history holds is a `gap` event.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectTo, joinServerProcess, startCluster } from '../helpers/cluster.js';
import { Inbox, bodyText, isProbe, publishPaced, untilRouted } from '../helpers/messages.js';

const HEARTBEAT = { heartbeatIntervalMs: 250, heartbeatTimeoutMs: 1_500 };

test('a recovering subscriber whose comm server is SIGKILLed gets every message once, in order, from a server that fetches the history', { timeout: 90_000 }, async (t) => {
  const cluster = await startCluster({ servers: 2 });
  t.after(() => cluster.close());
  const [publisherServer, emptyServer] = cluster.servers;
  const victim = await joinServerProcess(t, cluster);

  const [publisher] = await connectTo(cluster, [publisherServer.alias!]);
  const [reader] = await connectTo(cluster, [victim.alias], HEARTBEAT);
  const inbox = new Inbox(reader);
  const gaps: unknown[] = [];
  reader.on('gap', (gap) => gaps.push(gap));
  reader.subscribe('scores', { recover: true });
  await untilRouted('scores', [publisher], [{ client: reader, inbox }]);

  const total = 150;
  const expected = Array.from({ length: total }, (_, i) => `score ${i}`);
  const publishing = publishPaced(t, publisher, 'scores', expected, 20);
  await inbox.until((messages) => messages.filter((m) => !isProbe(m)).length >= 30);

  // The reader re-homes to the server that carried no `scores` so far: it must fetch the history from the mesh.
  cluster.nextClientServer = emptyServer.alias!;
  const reconnected = new Promise<{ serverAlias: number }>((resolve) => reader.once('reconnected', resolve));
  process.kill(victim.pid, 'SIGKILL');
  assert.equal((await reconnected).serverAlias, emptyServer.alias);
  await inbox.until((messages) => messages.filter((m) => !isProbe(m)).length >= total, 30_000);
  publishing.stop();
  await publisher.flush();
  await reader.ping();
  assert.deepEqual(inbox.texts((m) => !isProbe(m)), expected);
  assert.deepEqual(gaps, []);
});

test('what left every history is reported as a gap: received plus missed is what was published, in order', { timeout: 90_000 }, async (t) => {
  // Histories of about 60 messages (600 ms): most of what is published while the reader re-homes is gone.
  // The survivor still counts the dead server as linked and asks it too: it waits 100 ms for its reply, not 2 s.
  const historyBytesPerTopic = 60 * (96 + 105);
  const cluster = await startCluster({ servers: 1, serverOptions: { limits: { historyBytesPerTopic, recoveryTimeoutMs: 100 } } });
  t.after(() => cluster.close());
  const [survivor] = cluster.servers;
  const victim = await joinServerProcess(t, cluster, ['--history-bytes-per-topic', String(historyBytesPerTopic)]);

  const [publisher] = await connectTo(cluster, [survivor.alias!]);
  const [reader] = await connectTo(cluster, [victim.alias], HEARTBEAT);
  const inbox = new Inbox(reader);
  const gaps: Array<{ topic: string; missed: number }> = [];
  reader.on('gap', (gap) => gaps.push(gap));
  reader.subscribe('ticks', { recover: true });
  await untilRouted('ticks', [publisher], [{ client: reader, inbox }]);

  const total = 300;
  const bodies = Array.from({ length: total }, (_, i) => `tick ${String(i).padStart(4, '0')} `.padEnd(100, '.'));
  const publishing = publishPaced(t, publisher, 'ticks', bodies, 10);
  await inbox.until((messages) => messages.filter((m) => !isProbe(m)).length >= 20);
  cluster.nextClientServer = survivor.alias!;
  const reconnected = new Promise((resolve) => reader.once('reconnected', resolve));
  process.kill(victim.pid, 'SIGKILL');
  const killedAt = publishing.published;
  await reconnected;
  const reconnectedAt = publishing.published;
  await inbox.until((messages) => messages.some((m) => m.body.length === 100 && new TextDecoder().decode(m.body).startsWith(`tick ${String(total - 1).padStart(4, '0')}`)), 30_000);
  publishing.stop();
  await reader.ping();

  const received = inbox.texts((m) => !isProbe(m)).map((text) => Number(text.slice(5, 9)));
  assert.ok(received.every((n, i) => i === 0 || n > received[i - 1]), 'in order, no copies');
  assert.ok(received.some((n) => n >= killedAt + 10 && n < reconnectedAt), 'some of what was published during the outage came from the history');
  assert.ok(gaps.length > 0, 'a gap was reported');
  assert.ok(gaps.every((gap) => gap.topic === 'ticks'));
  const missed = gaps.reduce((sum, gap) => sum + gap.missed, 0);
  assert.equal(received.length + missed, total, `${received.length} received + ${missed} missed`);
});

test('messages older than the history age limit are not recovered: a gap covers them, received plus missed is what was published', { timeout: 90_000 }, async (t) => {
  const historyMaxAgeMs = 300;
  const cluster = await startCluster({ servers: 1, serverOptions: { limits: { historyMaxAgeMs, recoveryTimeoutMs: 100 } } });
  t.after(() => cluster.close());
  const [survivor] = cluster.servers;
  const victim = await joinServerProcess(t, cluster, ['--history-max-age-ms', String(historyMaxAgeMs)]);

  // The witness, on the survivor, shows when the survivor has the messages (and so their place in its history).
  const [publisher, witness] = await connectTo(cluster, [survivor.alias!, survivor.alias!]);
  const [reader] = await connectTo(cluster, [victim.alias], HEARTBEAT);
  const inbox = new Inbox(reader);
  const witnessed = new Inbox(witness);
  const gaps: Array<{ topic: string; missed: number }> = [];
  reader.on('gap', (gap) => gaps.push(gap));
  reader.subscribe('aged', { recover: true });
  witness.subscribe('aged');
  await untilRouted('aged', [publisher], [{ client: reader, inbox }, { client: witness, inbox: witnessed }]);

  const batch = (name: string) => Array.from({ length: 10 }, (_, i) => `${name} ${i}`);
  const [live, aged, after] = [batch('live'), batch('aged'), batch('after')];
  for (const body of live) publisher.publish('aged', body);
  await inbox.until((messages) => messages.filter((m) => !isProbe(m)).length === live.length);

  cluster.nextClientServer = survivor.alias!;
  const reconnected = new Promise((resolve) => reader.once('reconnected', resolve));
  process.kill(victim.pid, 'SIGKILL');
  // Published while the reader's server is dead: only the survivor's history holds them.
  for (const body of aged) publisher.publish('aged', body);
  await witnessed.until((messages) => messages.some((m) => bodyText(m) === aged.at(-1)));
  const storedAt = Date.now();
  await reconnected;
  // The reader notices the dead server only after its heartbeat timeout, well past the age limit.
  assert.ok(Date.now() - storedAt > historyMaxAgeMs, `re-homed ${Date.now() - storedAt} ms after the messages were stored`);
  if (gaps.length === 0) await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no gap within 15 s of re-homing')), 15_000);
    reader.once('gap', () => resolve(clearTimeout(timer)));
  });

  for (const body of after) publisher.publish('aged', body);
  await inbox.until((messages) => messages.filter((m) => !isProbe(m)).length === live.length + after.length);
  await reader.ping();
  assert.deepEqual(inbox.texts((m) => !isProbe(m)), [...live, ...after]);
  assert.deepEqual(gaps, [{ topic: 'aged', missed: aged.length }]);
});
