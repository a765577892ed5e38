// A load-generator worker process (forked by workers.ts): connects its share
// of the clients, subscribes them, probes until routing is in place,
// publishes on schedule and counts what its clients receive; in the presence
// scenario, joins them to one topic at once and follows what they know of
// its members.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { BrokerClient, type BrokerClientError } from '../client/index.js';
import { wallClockMs } from './clock.js';
import { connectClients } from './client-pool.js';
import type { FromWorker, ToWorker, WorkerReport } from './ipc.js';
import { DeliveryCounter, LatencyRecorder, LatencyTimeline, Timeline } from './measure.js';
import { MemberViews } from './member-views.js';
import { isProbe, probeBody, readStamp } from './payload.js';
import { PublishSchedule } from './publisher.js';
import { ReadinessTracker } from './readiness.js';
import { rtcFactory } from './rtc.js';
import type { ClientRole } from './scenarios.js';

const PROBE_INTERVAL_MS = 100;
const PROGRESS_INTERVAL_MS = 250;

type Phase = 'connecting' | 'probing' | 'joining' | 'measuring' | 'finished';

const clients = new Map<number, BrokerClient>();
const counter = new DeliveryCounter();
const latency = new LatencyRecorder();
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
let phase: Phase = 'connecting';
let roles: ClientRole[] = [];
let readiness = new ReadinessTracker([]);
let probeTimer: ReturnType<typeof setInterval> | undefined;
let schedule: PublishSchedule | undefined;
let timeline = new Timeline(250);
const latencyTimeline = new LatencyTimeline();
let epochMs: number | undefined;
let disconnected = 0;
let firstDisconnect: string | undefined;
/** Clients lost before measuring, in any worker: [index, alias]. */
const forgotten: Array<[number, number]> = [];
let closing = false;

function send(message: FromWorker): void {
  if (process.connected) process.send!(message);
}

function onMessage(receiver: number, sender: number, body: Uint8Array): void {
  if (phase === 'finished') return;
  if (isProbe(body)) {
    if (phase === 'probing' && readiness.heard(receiver, sender)) send({ type: 'ready' });
    return;
  }
  const stamp = readStamp(body);
  if (!stamp || counter.record(receiver, sender, stamp.sequence) !== 'delivered' || epochMs === undefined) return;
  const sinceEpochMs = wallClockMs() - epochMs;
  const micros = sinceEpochMs * 1000 - stamp.sentMicros;
  latency.recordMicros(micros);
  latencyTimeline.recordMicros(sinceEpochMs, micros);
  timeline.add(sinceEpochMs);
}

async function connect(command: Extract<ToWorker, { type: 'connect' }>): Promise<void> {
  const rtc = await rtcFactory(command.rtc);
  const outcomes = await connectClients(
    command.indices,
    (index) => BrokerClient.connect({
      coordinatorUrl: command.coordinatorUrls[index % command.coordinatorUrls.length], rtc, connectTimeoutMs: command.connectTimeoutMs,
      transport: command.transport === 'ws' ? 'websocket' : command.transport,
      webrtcTimeoutMs: command.webrtcTimeoutMs,
      heartbeatIntervalMs: command.heartbeatIntervalMs,
      pingTimeoutMs: command.pingTimeoutMs,
      batch: command.batch,
      // A measurement counts failed and lost connections; trying again would hide them.
      connectAttempts: 1,
      reconnect: { enabled: false },
    }),
    command.concurrency,
    (index, client) => {
      clients.set(index, client);
      client.on('message', ({ from, body }) => onMessage(index, from, body));
      client.on('close', (error) => onClientClosed(index, client.alias, error));
    },
  );
  send({ type: 'connected', outcomes });
}

function onClientClosed(index: number, alias: number, error: BrokerClientError): void {
  if (closing) return;
  disconnected++;
  firstDisconnect ??= `${error.code}: ${error.message}`;
  if (phase === 'connecting' || phase === 'probing' || phase === 'joining') send({ type: 'lost', index, alias });
}

function forget(index: number, alias: number): void {
  forgotten.push([index, alias]);
  if (phase === 'probing' && readiness.forget(index, alias)) send({ type: 'ready' });
}

/** The client at `index` if it is still open: one lost before measuring stays in the plan, silent. */
function openClient(index: number): BrokerClient | undefined {
  const client = clients.get(index);
  return client?.closed ? undefined : client;
}

function subscribe(command: Extract<ToWorker, { type: 'subscribe' }>): void {
  for (const [receiver, senders] of command.expectFrom) counter.expect(receiver, senders);
  readiness = new ReadinessTracker(command.probeFrom);
  for (const [index, alias] of forgotten) readiness.forget(index, alias);
  phase = 'probing';
  for (const role of command.roles) {
    if (role.subscribe.length > 0) openClient(role.index)?.subscribe(role.subscribe);
  }
  const probe = probeBody(command.size);
  const probers = command.roles.filter((role) => command.probers.includes(role.index) && role.publish !== undefined);
  probeTimer = setInterval(() => {
    for (const role of probers) openClient(role.index)?.publish(role.publish!, probe);
  }, PROBE_INTERVAL_MS);
  roles = command.roles;
  // Nothing to probe (idle): a PING answered on the reliable channel, which is ordered, shows the server has the subscriptions.
  if (readiness.ready) {
    const subscribed = command.roles.flatMap((role) => (role.subscribe.length > 0 ? [openClient(role.index)] : []));
    void Promise.allSettled(subscribed.map((client) => client?.ping())).then(() => send({ type: 'ready' }));
  }
}

/**
 * Every open client subscribes to the topic with presence at the epoch and
 * asks presence() right after; answers `joined` once every view is complete
 * or the wait is over.
 */
async function join(command: Extract<ToWorker, { type: 'join' }>): Promise<void> {
  const { topic, epochMs: epoch } = command;
  const sinceEpoch = () => wallClockMs() - epoch;
  let allComplete!: () => void;
  const complete = new Promise<void>((resolve) => (allComplete = resolve));
  const views = new MemberViews(command.members, allComplete);
  const joining = [...clients].filter(([, client]) => !client.closed);
  for (const [index, client] of joining) {
    views.watch(index, client.alias, sinceEpoch());
    client.on('join', (event) => event.topic === topic && views.joined(index, event.alias, sinceEpoch()));
    client.on('leave', (event) => event.topic === topic && views.left(index, event.alias));
  }
  if (joining.length === 0) allComplete();
  phase = 'joining';
  loopDelay.enable();
  await sleep(epoch - wallClockMs());
  for (const [index, client] of joining) {
    if (client.closed) continue;
    client.subscribe(topic, { presence: true });
    client.presence(topic).then(
      (members) => {
        for (const member of members) views.listed(index, member.alias, sinceEpoch());
      },
      (error: unknown) => views.failed(error),
    );
  }
  views.subscribed(sinceEpoch());
  const waited = new AbortController();
  await Promise.race([complete, sleep(command.timeoutMs - sinceEpoch(), undefined, { signal: waited.signal }).catch(() => undefined)]);
  waited.abort();
  send({ type: 'joined', report: views.report() });
}

async function start(command: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  clearInterval(probeTimer);
  epochMs = command.epochMs;
  timeline = new Timeline(command.timelineBucketMs);
  phase = 'measuring';
  const reliable = command.channel === 'reliable';
  const publishers = roles.flatMap((role) => {
    const client = clients.get(role.index);
    if (role.publish === undefined || !client) return [];
    const topic = role.publish;
    return [{
      alias: client.alias,
      publish: (body: Uint8Array) => {
        try {
          client.publish(topic, body, { reliable });
          return true;
        } catch {
          return false; // BACKPRESSURE (reliable queue full) or CLOSED: not sent
        }
      },
    }];
  });
  if (command.warmupMs > 0) {
    // Probe bodies: receivers ignore them once measuring.
    const probe = probeBody(command.size);
    await new PublishSchedule(publishers, {
      ...command, epochMs: command.epochMs - command.warmupMs, durationMs: command.warmupMs, body: () => probe,
    }).run();
  }
  loopDelay.enable();
  schedule = new PublishSchedule(publishers, command);
  await schedule.run();
  send({ type: 'published' });
}

function finish(): void {
  phase = 'finished';
  loopDelay.disable();
  const report: WorkerReport = {
    sentBySender: [...(schedule?.sentBySender ?? [])],
    refused: schedule?.refused ?? 0,
    ...counter.counts,
    latency: latency.encode(),
    timeline: timeline.counts,
    latencyBySecond: latencyTimeline.encode(),
    eventLoopDelayP99Ms: loopDelay.count > 0 ? loopDelay.percentile(99) / 1e6 : 0,
    disconnected,
    firstDisconnect,
  };
  send({ type: 'report', report });
}

function shutdown(code: number): void {
  if (closing) return;
  closing = true;
  clearInterval(probeTimer);
  clearInterval(progressTimer);
  schedule?.stop();
  for (const client of clients.values()) client.close();
  // Let the closes reach the wire, then go: native RTC threads must not keep the process alive.
  setTimeout(() => process.exit(code), 200);
}

const progressTimer = setInterval(() => {
  send({ type: 'progress', connected: clients.size, sent: schedule?.sent ?? 0, delivered: counter.counts.delivered });
}, PROGRESS_INTERVAL_MS);

function fail(error: unknown): void {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  shutdown(1);
}

process.on('message', (command: ToWorker) => {
  switch (command.type) {
    case 'connect':
      connect(command).catch(fail);
      return;
    case 'subscribe':
      subscribe(command);
      return;
    case 'join':
      join(command).catch(fail);
      return;
    case 'forget':
      forget(command.index, command.alias);
      return;
    case 'start':
      start(command).catch(fail);
      return;
    case 'finish':
      finish();
      return;
    case 'close':
      shutdown(0);
  }
});
// The parent owns this process's life: if it goes, so do we.
process.on('disconnect', () => shutdown(0));
process.on('SIGINT', () => shutdown(130));
process.on('SIGTERM', () => shutdown(143));
process.on('uncaughtException', fail);
