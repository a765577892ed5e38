// The result of one load-test run, as written to --json and read by the
// reports, and the judgement of what limited it.
import { availableParallelism, cpus } from 'node:os';
import type { MemberViewCounts } from './ipc.js';
import type { LatencySecond, LatencySummaryMs, PercentilePoint } from './measure.js';
import type { LoadParameters } from './scenarios.js';
import type { ThresholdOutcome } from './thresholds.js';

export interface ProcessFigures {
  pid: number;
  cpuCores: number;
  rssBytes: number;
}

export interface ServerFigures extends ProcessFigures {
  alias?: number;
  /** CPU while the clients were connecting (the storm scenario's load). */
  setupCpuCores: number;
  /** RSS just before the clients began to connect (absent from results written before it was recorded). */
  rssBeforeClientsBytes?: number;
}

export interface WorkerFigures extends ProcessFigures {
  eventLoopDelayP99Ms: number;
}

/** The presence scenario's figures: every client's view of one topic's members, and what the servers sent for it. */
export interface PresenceResult extends MemberViewCounts {
  topic: string;
  /** Members each list had to reach: the clients connected when the joins began. */
  members: number;
  /** Clients that joined, and those whose list held every member within the wait (--duration). */
  joined: number;
  complete: number;
  /** From the joins (one instant in every worker) until the workers had sent every SUBSCRIPTION and PRESENCE request: the generator's share. */
  subscribedMs: number;
  /** From the joins until each complete client's list held every member. */
  completeMs: { min: number; p50: number; p90: number; p99: number; max: number };
  /**
   * Per comm server: its clients, and the presence frames it sent from just
   * before the joins until 0.5 s after the last list completed (read from its
   * /metrics: a local cluster's servers only).
   */
  servers: Array<{
    alias: number;
    clients: number;
    links?: number;
    /** MEMBER_DELTA frames to all its links, and to each. */
    memberDeltaFrames?: number;
    memberDeltaFramesPerLink?: number;
    /** MEMBERS frames to its watching clients; PRESENCE reply frames. */
    membersFrames?: number;
    presenceFrames?: number;
  }>;
}

export type Bottleneck = 'none' | 'generator' | 'server' | 'machine';

export interface LoadTestResult {
  scenario: LoadParameters['scenario'];
  parameters: Omit<LoadParameters, 'scenario'>;
  machine: { cores: number; cpuModel: string; node: string; platform: string };
  startedAt: string;
  /** `overWebSocket`: connected clients on a comm server's WebSocket endpoint (all of them with --transport ws). */
  clients: { connected: number; failed: number; disconnected: number; overWebSocket: number };
  sent: number;
  /** Publishes the client library refused (its reliable queue was full): not sent, not expected. */
  refused: number;
  expected: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** Deliveries from a publisher the receiver did not subscribe to: a routing fault. */
  unexpected: number;
  lossRatio: number;
  latencyMs: Omit<LatencySummaryMs, 'count'>;
  deliveredPerSecond: number;
  setupMs: { p50: number; p90: number; p99: number; max: number };
  measuredSeconds: number;
  drainSeconds: number;
  servers: ServerFigures[];
  /**
   * The sampled comm servers' figures per client connected at the end
   * (all servers together): RSS, RSS added since before the clients
   * connected, and CPU while measuring. Absent when no server was sampled.
   */
  perClient?: { clients: number; rssBytes: number; addedRssBytes: number; cpuCores: number };
  coordinator?: ProcessFigures;
  generator: { cpuCores: number; parent: ProcessFigures; workers: WorkerFigures[] };
  /** The whole host while measuring: `otherCores` is what processes outside this run used. */
  host: { busyCores: number; otherCores: number };
  bottleneck: Bottleneck;
  /** Why the bottleneck was judged so, and anything else a reader must know. */
  notes: string[];
  /** The presence scenario only. */
  presence?: PresenceResult;
  /** The thresholds the run was given (`broker loadtest --max-*`), met or missed. */
  thresholds?: ThresholdOutcome[];
  charts: {
    latencyDistribution: PercentilePoint[];
    setupDistribution: PercentilePoint[];
    /** Deliveries per bucket, by time since the measured phase began. */
    deliveries: { bucketSeconds: number; counts: number[] };
    /** p50 and p99 of the deliveries in each second since the measured phase began (the drain's seconds too). */
    latencyOverTime: LatencySecond[];
    serverCpu: Array<{ pid: number; points: Array<[seconds: number, cores: number]> }>;
    generatorCpu: Array<[seconds: number, cores: number]>;
    /** Every sample of each comm server's resident memory, from before the clients connected. */
    serverRss: Array<{ pid: number; points: Array<[seconds: number, bytes: number]> }>;
  };
}

export function machineDescription(): LoadTestResult['machine'] {
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** A single-threaded process past this share of one core is saturated. */
const SATURATED_CORES = 0.85;
/** Generator event-loop delay worth telling: measured latencies include it. */
const NOTABLE_LOOP_DELAY_MS = 50;
/** CPU used by processes outside the run worth telling: they competed for the cores. */
const NOTABLE_OTHER_CORES = 0.2;

/**
 * What limited the run. A saturated generator makes every other figure a
 * measure of the generator, so it is named first; then a saturated server;
 * then a host with no idle core left, whoever used it.
 */
export function judgeBottleneck(
  servers: readonly ProcessFigures[],
  generator: LoadTestResult['generator'],
  host: LoadTestResult['host'] & { cores: number },
): { bottleneck: Bottleneck; notes: string[] } {
  const notes: string[] = [];
  const saturated = (figures: ProcessFigures) => figures.cpuCores >= SATURATED_CORES;
  for (const worker of generator.workers) {
    if (saturated(worker)) notes.push(`generator worker ${worker.pid} used ${worker.cpuCores.toFixed(2)} cores (saturated)`);
    if (worker.eventLoopDelayP99Ms >= NOTABLE_LOOP_DELAY_MS) {
      notes.push(`generator worker ${worker.pid}: event-loop delay p99 ${worker.eventLoopDelayP99Ms.toFixed(0)} ms, part of the measured latency`);
    }
  }
  for (const server of servers.filter(saturated)) notes.push(`comm server ${server.pid} used ${server.cpuCores.toFixed(2)} cores (saturated)`);
  if (host.otherCores >= NOTABLE_OTHER_CORES) notes.push(`other processes on the host used ${host.otherCores.toFixed(2)} cores during the run`);
  const hostFull = host.busyCores >= 0.9 * host.cores;
  if (hostFull) notes.push(`the host was busy on ${host.busyCores.toFixed(2)} of ${host.cores} cores`);
  const bottleneck: Bottleneck = generator.workers.some(saturated) ? 'generator'
    : servers.some(saturated) ? 'server'
      : hostFull ? 'machine' : 'none';
  return { bottleneck, notes };
}
