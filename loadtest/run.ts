// One load-test run: cluster, workers, connect, subscribe and wait for
// routing, publish for the measured window, drain, collect, and the result.
// The presence scenario measures its joins instead: every client subscribes
// with presence at one instant, and the window lasts until every client's
// member list is complete.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../shared/log.js';
import { silentLogger } from '../shared/log.js';
import { wallClockMs } from './clock.js';
import { existingCluster, startLocalCluster, type TargetCluster } from './cluster.js';
import type { ConnectOutcome, PresenceReport, WorkerReport } from './ipc.js';
import {
  LatencyRecorder, LatencyTimeline, Timeline, accountLoss, expectedDeliveries, latencyDistribution, percentileOf, summarizeLatency,
  DISTRIBUTION_PERCENTILES,
} from './measure.js';
import { ProcessSampler } from './process-stats.js';
import { judgeBottleneck, machineDescription, type LoadTestResult, type PresenceResult } from './result.js';
import {
  PRESENCE_TOPIC, SILENT_SCENARIOS, assignRoles, clientCount, deliveryPlan, type ConnectedClient, type DeliveryPlan, type LoadParameters,
} from './scenarios.js';
import { readPresenceCounters, type PresenceCounters } from './server-counters.js';
import { WorkerPool } from './workers.js';

export type RunPhase = 'starting' | 'connecting' | 'subscribing' | 'warming up' | 'measuring' | 'draining' | 'reporting';

export interface RunProgress {
  phase: RunPhase;
  clients: number;
  connected: number;
  sent: number;
  delivered: number;
  /** Seconds into the measured window (0 before it starts). */
  measuredSeconds: number;
}

export interface RunOptions {
  parameters: LoadParameters;
  /** Extra flags for the local comm servers. */
  serverArgs?: string[];
  /** Environment of the local comm servers (NODE_OPTIONS for --cpu-prof). */
  serverEnv?: NodeJS.ProcessEnv;
  /** With `coordinatorUrls`: pids of its comm servers on this host, to sample. */
  serverPids?: number[];
  /** Longest wait for late deliveries after publishing ends. Default 10 s. */
  drainMaxSeconds?: number;
  onProgress?: (progress: RunProgress) => void;
  /** Aborting stops the run; it still stops every process it started. */
  signal?: AbortSignal;
  logger?: Logger;
}

const SAMPLE_INTERVAL_MS = 500;
const TIMELINE_BUCKET_MS = 250;
const EPOCH_LEAD_MS = 500;
/** Publishing is over when no delivery happened for this long. */
const QUIET_MS = 1_000;
/** Connections at once per worker, except in the storm scenario, where all connect at once. */
const CONNECT_CONCURRENCY = 8;
/**
 * After the last member list completed, before the servers' counters are read
 * again: presence frames of the join still under way (several presence
 * intervals, 100 ms by default) are counted.
 */
const PRESENCE_SETTLE_MS = 500;

export async function runLoadTest(options: RunOptions): Promise<LoadTestResult> {
  const { parameters } = options;
  const logger = options.logger ?? silentLogger();
  const startedAt = new Date().toISOString();
  const total = clientCount(parameters);
  const progress: RunProgress = { phase: 'starting', clients: total, connected: 0, sent: 0, delivered: 0, measuredSeconds: 0 };
  const perWorker = new Map<number, { connected: number; sent: number; delivered: number }>();
  let epochMs: number | undefined;
  const report = () => options.onProgress?.({ ...progress, measuredSeconds: epochMs === undefined ? 0 : Math.max(0, (wallClockMs() - epochMs) / 1000) });

  const sampler = new ProcessSampler();
  /** Aliases of the clients lost before measuring. */
  const lost = new Set<number>();
  let cluster: TargetCluster | undefined;
  let pool: WorkerPool | undefined;
  const onAbort = () => pool?.abort(new Error('load test aborted'));
  options.signal?.addEventListener('abort', onAbort);
  try {
    options.signal?.throwIfAborted();
    cluster = parameters.coordinatorUrls === undefined
      ? await startLocalCluster({
        servers: parameters.servers, serverArgs: options.serverArgs, serverEnv: options.serverEnv, operations: parameters.scenario === 'presence',
      })
      : existingCluster(parameters.coordinatorUrls, options.serverPids);
    logger.info({ coordinatorUrls: cluster.coordinatorUrls, servers: cluster.servers }, 'cluster ready');
    options.signal?.throwIfAborted();

    const workers: WorkerPool = new WorkerPool(Math.min(parameters.workers, total), {
      onProgress: (worker, message) => {
        perWorker.set(worker, message);
        progress.connected = sum(perWorker, 'connected');
        progress.sent = sum(perWorker, 'sent');
        progress.delivered = sum(perWorker, 'delivered');
      },
      // Receivers in every worker stop waiting for the lost client's probes; presence lists need not reach it.
      onLost: ({ index, alias }) => {
        lost.add(alias);
        workers.broadcast({ type: 'forget', index, alias });
      },
    });
    pool = workers;
    for (const pid of [process.pid, ...workers.pids, ...cluster.servers.map((server) => server.pid)]) sampler.watch(pid);
    if (cluster.coordinatorPid) sampler.watch(cluster.coordinatorPid);
    sampler.start(SAMPLE_INTERVAL_MS);
    const ticker = setInterval(report, 250);
    try {
      const indicesOf = (worker: number) => range(total).filter((index) => index % workers.workers.length === worker);

      progress.phase = 'connecting';
      const connectStartMs = sampler.sampleNow();
      // A presence() reply may wait behind a worker busy subscribing hundreds of clients: it gets the whole wait, not the client's 5 s.
      const pingTimeoutMs = parameters.scenario === 'presence' ? parameters.durationSeconds * 1000 : undefined;
      workers.workers.forEach((worker, w) => worker.send({
        type: 'connect', coordinatorUrls: cluster!.coordinatorUrls, indices: indicesOf(w), rtc: parameters.rtc, transport: parameters.transport,
        webrtcTimeoutMs: parameters.webrtcTimeoutMs, heartbeatIntervalMs: parameters.heartbeatIntervalMs, pingTimeoutMs, batch: parameters.batch,
        concurrency: parameters.scenario === 'storm' ? total : CONNECT_CONCURRENCY, connectTimeoutMs: 60_000,
      }));
      const outcomes = (await workers.collect('connected', 120_000 + total * 1_000)).flatMap((answer) => answer.outcomes);
      const connectEndMs = sampler.sampleNow();
      const connected = connectedClients(outcomes);
      if (connected.length < 2) throw new Error(`only ${connected.length} of ${total} clients connected: ${firstError(outcomes)}`);

      const plan = deliveryPlan(assignRoles(parameters.scenario, connected, parameters.roomSize), connected);
      const setEpoch = (at: number) => {
        epochMs = at;
        progress.phase = 'measuring';
      };
      const measured = parameters.scenario === 'presence'
        ? await measureJoins({ workers, cluster, sampler, parameters, members: connected.filter((client) => !lost.has(client.alias)), setEpoch, signal: options.signal })
        : await measureTraffic({
          workers, sampler, parameters, plan, indicesOf, progress, setEpoch, drainMaxSeconds: options.drainMaxSeconds, signal: options.signal,
        });

      progress.phase = 'reporting';
      workers.broadcast({ type: 'finish' });
      const reports = (await workers.collect('report', 60_000)).map((answer) => answer.report);
      return composeResult({
        parameters, startedAt, outcomes, plan, reports, cluster, sampler, workerPids: workers.pids,
        windows: { connectStartMs, connectEndMs, ...measured.window }, drainSeconds: measured.drainSeconds,
        presence: measured.presence,
      });
    } finally {
      clearInterval(ticker);
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    sampler.stop();
    await pool?.close();
    await cluster?.stop();
  }
}

interface Measured {
  window: { measureStartMs: number; measureEndMs: number; epochMs: number };
  drainSeconds: number;
  presence?: PresenceResult;
}

interface TrafficRun {
  workers: WorkerPool;
  sampler: ProcessSampler;
  parameters: LoadParameters;
  plan: DeliveryPlan;
  indicesOf: (worker: number) => number[];
  progress: RunProgress;
  setEpoch: (epochMs: number) => void;
  drainMaxSeconds?: number;
  signal?: AbortSignal;
}

/** Subscribe and wait for routing, publish for the measured window (after the warm-up), drain. */
async function measureTraffic({ workers, sampler, parameters, plan, indicesOf, progress, setEpoch, drainMaxSeconds, signal }: TrafficRun): Promise<Measured> {
  progress.phase = 'subscribing';
  workers.workers.forEach((worker, w) => worker.send(subscribeCommand(plan, new Set(indicesOf(w)), parameters.size)));
  await workers.collect('ready', 60_000);

  const warmupMs = parameters.warmupSeconds * 1000;
  const measuredFromMs = wallClockMs() + EPOCH_LEAD_MS + warmupMs;
  const durationMs = parameters.durationSeconds * 1000;
  workers.broadcast({
    type: 'start', epochMs: measuredFromMs, warmupMs, durationMs, rate: parameters.rate, size: parameters.size,
    channel: parameters.channel, timelineBucketMs: TIMELINE_BUCKET_MS,
  });
  const published = workers.collect('published', EPOCH_LEAD_MS + warmupMs + durationMs + 60_000);
  if (warmupMs > 0) progress.phase = 'warming up';
  await sleep(measuredFromMs - wallClockMs(), undefined, { signal });
  setEpoch(measuredFromMs);
  const measureStartMs = sampler.sampleNow();
  await published;
  // Nothing to publish (idle): the window is its duration of heartbeats.
  if (SILENT_SCENARIOS.has(parameters.scenario)) await sleep(Math.max(0, measuredFromMs + durationMs - wallClockMs()), undefined, { signal });
  const measureEndMs = sampler.sampleNow();

  progress.phase = 'draining';
  const drainStartMs = wallClockMs();
  await untilQuiet(() => progress.delivered, (drainMaxSeconds ?? 10) * 1000, signal);
  return { window: { measureStartMs, measureEndMs, epochMs: measuredFromMs }, drainSeconds: (wallClockMs() - drainStartMs) / 1000 };
}

interface JoinRun {
  workers: WorkerPool;
  cluster: TargetCluster;
  sampler: ProcessSampler;
  parameters: LoadParameters;
  /** The clients still connected: each joins, and each list must reach all of them. */
  members: ConnectedClient[];
  setEpoch: (epochMs: number) => void;
  signal?: AbortSignal;
}

/**
 * The presence scenario: every client subscribes to one topic with presence
 * at one instant; the window lasts until every client's list is complete (or
 * --duration passed). The servers' presence counters are read before and
 * after (local clusters: their /metrics).
 */
async function measureJoins({ workers, cluster, sampler, parameters, members, setEpoch, signal }: JoinRun): Promise<Measured> {
  const countersBefore = await serverCounters(cluster);
  const timeoutMs = parameters.durationSeconds * 1000;
  const epochMs = wallClockMs() + EPOCH_LEAD_MS;
  workers.broadcast({ type: 'join', topic: PRESENCE_TOPIC, epochMs, timeoutMs, members: members.map((client) => client.alias) });
  const joined = workers.collect('joined', EPOCH_LEAD_MS + timeoutMs + 60_000);
  await sleep(epochMs - wallClockMs(), undefined, { signal });
  setEpoch(epochMs);
  // The window starts at the joins' instant even when this timer fired late (a loaded host): completion times count from it.
  const measureStartMs = Math.min(sampler.sampleNow(), epochMs);
  const reports = (await joined).map((answer) => answer.report);
  const measureEndMs = sampler.sampleNow();
  await sleep(PRESENCE_SETTLE_MS, undefined, { signal });
  const countersAfter = await serverCounters(cluster);
  return {
    window: { measureStartMs, measureEndMs, epochMs },
    drainSeconds: 0,
    presence: presenceResult(members, reports, cluster, countersBefore, countersAfter),
  };
}

/** Server alias -> its presence counters now; empty for a cluster whose servers serve no /metrics to this run. */
async function serverCounters(cluster: TargetCluster): Promise<Map<number, PresenceCounters>> {
  const counted = await Promise.all(cluster.servers.map(async (server) => (
    server.alias !== undefined && server.operationsUrl !== undefined ? [[server.alias, await readPresenceCounters(server.operationsUrl)] as const] : []
  )));
  return new Map(counted.flat());
}

function presenceResult(
  members: readonly ConnectedClient[], reports: readonly PresenceReport[], cluster: TargetCluster,
  before: Map<number, PresenceCounters>, after: Map<number, PresenceCounters>,
): PresenceResult {
  const total = (key: 'watching' | 'listed' | 'joinEvents' | 'repeatedJoins' | 'leaveEvents' | 'strangers' | 'requestErrors') =>
    reports.reduce((sum, report) => sum + report[key], 0);
  const completeMs = reports.flatMap((report) => report.completeMs.map(([, ms]) => ms));
  const firstError = reports.find((report) => report.firstError !== undefined)?.firstError;
  const aliases = [...new Set([...cluster.servers.flatMap((server) => (server.alias === undefined ? [] : [server.alias])), ...members.map((m) => m.serverAlias)])];
  return {
    topic: PRESENCE_TOPIC,
    members: members.length,
    joined: total('watching'),
    complete: completeMs.length,
    subscribedMs: Math.max(...reports.map((report) => report.subscribedMs)),
    completeMs: {
      min: percentileOf(completeMs, 0),
      p50: percentileOf(completeMs, 50),
      p90: percentileOf(completeMs, 90),
      p99: percentileOf(completeMs, 99),
      max: percentileOf(completeMs, 100),
    },
    listed: total('listed'),
    joinEvents: total('joinEvents'),
    repeatedJoins: total('repeatedJoins'),
    leaveEvents: total('leaveEvents'),
    strangers: total('strangers'),
    requestErrors: total('requestErrors'),
    ...(firstError === undefined ? {} : { firstError }),
    servers: aliases.sort((a, b) => a - b).map((alias) => {
      const clients = members.filter((member) => member.serverAlias === alias).length;
      const [from, to] = [before.get(alias), after.get(alias)];
      if (from === undefined || to === undefined) return { alias, clients };
      const memberDeltaFrames = to.memberDeltaFrames - from.memberDeltaFrames;
      return {
        alias,
        clients,
        links: to.links,
        memberDeltaFrames,
        memberDeltaFramesPerLink: to.links > 0 ? memberDeltaFrames / to.links : 0,
        membersFrames: to.membersFrames - from.membersFrames,
        presenceFrames: to.presenceFrames - from.presenceFrames,
      };
    }),
  };
}

function sum<K extends string>(values: Map<number, Record<K, number>>, key: K): number {
  let total = 0;
  for (const value of values.values()) total += value[key];
  return total;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function connectedClients(outcomes: readonly ConnectOutcome[]): ConnectedClient[] {
  return outcomes
    .filter((outcome) => outcome.error === undefined)
    .map((outcome) => ({ index: outcome.index, alias: outcome.alias!, serverAlias: outcome.serverAlias! }))
    .sort((a, b) => a.index - b.index);
}

function firstError(outcomes: readonly ConnectOutcome[]): string {
  return outcomes.find((outcome) => outcome.error !== undefined)?.error ?? 'no error reported';
}

function subscribeCommand(plan: DeliveryPlan, mine: Set<number>, size: number) {
  const own = <T>(entries: Map<number, T>) => [...entries].filter(([index]) => mine.has(index));
  return {
    type: 'subscribe' as const,
    roles: plan.roles.filter((role) => mine.has(role.index)),
    expectFrom: own(plan.expectFrom),
    probeFrom: own(plan.probeFrom),
    probers: [...plan.probers].filter((index) => mine.has(index)),
    size,
  };
}

/** Resolves once `count()` stopped growing for QUIET_MS, or after `maxMs`. */
async function untilQuiet(count: () => number, maxMs: number, signal: AbortSignal | undefined): Promise<void> {
  const deadline = wallClockMs() + maxMs;
  let last = count();
  let lastChangeMs = wallClockMs();
  while (wallClockMs() < deadline && wallClockMs() - lastChangeMs < QUIET_MS) {
    await sleep(100, undefined, { signal });
    if (count() !== last) {
      last = count();
      lastChangeMs = wallClockMs();
    }
  }
}

interface Collected {
  parameters: LoadParameters;
  startedAt: string;
  outcomes: ConnectOutcome[];
  plan: DeliveryPlan;
  reports: WorkerReport[];
  cluster: TargetCluster;
  sampler: ProcessSampler;
  workerPids: number[];
  windows: { connectStartMs: number; connectEndMs: number; measureStartMs: number; measureEndMs: number; epochMs: number };
  drainSeconds: number;
  presence?: PresenceResult;
}

function composeResult(c: Collected): LoadTestResult {
  const { parameters, sampler, windows } = c;
  const { scenario, ...rest } = parameters;
  const sentBySender = new Map(c.reports.flatMap((report) => report.sentBySender));
  const counts = {
    delivered: c.reports.reduce((total, report) => total + report.delivered, 0),
    duplicated: c.reports.reduce((total, report) => total + report.duplicated, 0),
  };
  const loss = accountLoss(expectedDeliveries(sentBySender, c.plan.receiversBySender), counts);
  const latency = LatencyRecorder.merge(c.reports.map((report) => report.latency)).histogram;
  const setupTimes = c.outcomes.filter((outcome) => outcome.error === undefined).map((outcome) => outcome.setupMs);
  const measuredSeconds = (windows.measureEndMs - windows.measureStartMs) / 1000;
  const usage = (pid: number) => ({ pid, ...sampler.usage(pid, windows.measureStartMs, windows.measureEndMs) });
  const servers = c.cluster.servers.map((server) => ({
    ...usage(server.pid),
    alias: server.alias,
    setupCpuCores: sampler.usage(server.pid, windows.connectStartMs, windows.connectEndMs).cpuCores,
    rssBeforeClientsBytes: sampler.usage(server.pid, windows.connectStartMs, windows.connectStartMs).rssBytes,
  }));
  const workers = c.workerPids.map((pid, i) => ({ ...usage(pid), eventLoopDelayP99Ms: c.reports[i].eventLoopDelayP99Ms }));
  const parent = usage(process.pid);
  const generator = { cpuCores: parent.cpuCores + workers.reduce((total, worker) => total + worker.cpuCores, 0), parent, workers };
  const machine = machineDescription();
  const busyCores = sampler.hostBusyCores(windows.measureStartMs, windows.measureEndMs);
  const coordinator = c.cluster.coordinatorPid ? usage(c.cluster.coordinatorPid) : undefined;
  const ours = [...servers, ...(coordinator ? [coordinator] : [])].reduce((total, figures) => total + figures.cpuCores, generator.cpuCores);
  const host = { busyCores, otherCores: Math.max(0, busyCores - ours) };
  const { bottleneck, notes } = judgeBottleneck(servers, generator, { ...host, cores: machine.cores });
  const failed = c.outcomes.filter((outcome) => outcome.error !== undefined);
  if (failed.length > 0) notes.push(`${failed.length} clients failed to connect (first: ${failed[0].error})`);
  const disconnected = c.reports.reduce((total, report) => total + report.disconnected, 0);
  if (disconnected > 0) {
    const first = c.reports.find((report) => report.firstDisconnect !== undefined)?.firstDisconnect;
    notes.push(`${disconnected} clients disconnected during the run (first: ${first})`);
  }
  const overWebSocket = c.outcomes.filter((outcome) => outcome.transport === 'websocket').length;
  if (parameters.transport === 'auto' && overWebSocket > 0) {
    notes.push(`${overWebSocket} clients fell back to the WebSocket endpoint: their peer connection was not up in time`);
  }
  if (c.presence && c.presence.complete < c.presence.joined) {
    notes.push(`${c.presence.joined - c.presence.complete} clients' presence lists were not complete within ${parameters.durationSeconds} s`);
  }
  if (c.presence?.servers.some((server) => server.memberDeltaFrames === undefined)) {
    notes.push('presence frames are read from the /metrics of a local cluster\'s comm servers only');
  }
  if (loss.expected === 0 && !SILENT_SCENARIOS.has(parameters.scenario)) notes.push('no delivery was expected: every publisher lacked subscribers (mesh: all clients on one server?)');
  const { p50, p90, p99, max, mean } = summarizeLatency(latency);
  const present = setupTimes.length - disconnected;
  const sampled = servers.filter((server) => server.rssBytes > 0);
  const perClient = present > 0 && sampled.length > 0 ? {
    clients: present,
    rssBytes: sampled.reduce((total, server) => total + server.rssBytes, 0) / present,
    addedRssBytes: sampled.reduce((total, server) => total + server.rssBytes - server.rssBeforeClientsBytes, 0) / present,
    cpuCores: sampled.reduce((total, server) => total + server.cpuCores, 0) / present,
  } : undefined;
  return {
    scenario,
    parameters: rest,
    machine,
    startedAt: c.startedAt,
    clients: {
      connected: setupTimes.length,
      failed: failed.length,
      disconnected,
      overWebSocket,
    },
    sent: [...sentBySender.values()].reduce((total, sent) => total + sent, 0),
    refused: c.reports.reduce((total, report) => total + report.refused, 0),
    ...loss,
    unexpected: c.reports.reduce((total, report) => total + report.unexpected, 0),
    latencyMs: { p50, p90, p99, max, mean },
    deliveredPerSecond: parameters.durationSeconds > 0 ? loss.delivered / parameters.durationSeconds : 0,
    setupMs: {
      p50: percentileOf(setupTimes, 50),
      p90: percentileOf(setupTimes, 90),
      p99: percentileOf(setupTimes, 99),
      max: percentileOf(setupTimes, 100),
    },
    measuredSeconds,
    drainSeconds: c.drainSeconds,
    servers,
    ...(perClient ? { perClient } : {}),
    coordinator,
    generator,
    host,
    bottleneck,
    notes,
    ...(c.presence ? { presence: c.presence } : {}),
    charts: {
      latencyDistribution: latencyDistribution(latency),
      setupDistribution: setupTimes.length === 0 ? [] : DISTRIBUTION_PERCENTILES
        .filter((percentile) => percentile <= 99.9 || percentile === 100)
        .map((percentile) => ({ percentile, ms: percentileOf(setupTimes, percentile) })),
      deliveries: { bucketSeconds: TIMELINE_BUCKET_MS / 1000, counts: Timeline.sum(c.reports.map((report) => report.timeline)) },
      latencyOverTime: LatencyTimeline.percentiles(c.reports.map((report) => report.latencyBySecond)),
      serverCpu: c.cluster.servers.map((server) => ({ pid: server.pid, points: sampler.coresOverTime(server.pid, windows.epochMs) })),
      generatorCpu: sumSeries(c.workerPids.map((pid) => sampler.coresOverTime(pid, windows.epochMs))),
      serverRss: c.cluster.servers.map((server) => ({ pid: server.pid, points: sampler.rssOverTime(server.pid, windows.epochMs) })),
    },
  };
}

/** Adds CPU series sampled at the same instants (one sampler round samples every process). */
function sumSeries(series: Array<Array<[number, number]>>): Array<[number, number]> {
  const length = Math.min(...series.map((points) => points.length));
  return range(Number.isFinite(length) ? length : 0).map((i) => [series[0][i][0], series.reduce((total, points) => total + points[i][1], 0)]);
}
