// The result of one load-test run, as written to --json and read by the
// reports, and the judgement of what limited it.
import { availableParallelism, cpus } from 'node:os';
import type { LatencySummaryMs, PercentilePoint } from './measure.js';
import type { LoadParameters } from './scenarios.js';

export interface ProcessFigures {
  pid: number;
  cpuCores: number;
  rssBytes: number;
}

export interface ServerFigures extends ProcessFigures {
  alias?: number;
  /** CPU while the clients were connecting (the storm scenario's load). */
  setupCpuCores: number;
}

export interface WorkerFigures extends ProcessFigures {
  eventLoopDelayP99Ms: number;
}

export type Bottleneck = 'none' | 'generator' | 'server' | 'machine';

export interface LoadTestResult {
  scenario: LoadParameters['scenario'];
  parameters: Omit<LoadParameters, 'scenario'>;
  machine: { cores: number; cpuModel: string; node: string; platform: string };
  startedAt: string;
  clients: { connected: number; failed: number; disconnected: number };
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
  coordinator?: ProcessFigures;
  generator: { cpuCores: number; parent: ProcessFigures; workers: WorkerFigures[] };
  bottleneck: Bottleneck;
  /** Why the bottleneck was judged so, and anything else a reader must know. */
  notes: string[];
  charts: {
    latencyDistribution: PercentilePoint[];
    setupDistribution: PercentilePoint[];
    /** Deliveries per bucket, by time since the measured phase began. */
    deliveries: { bucketSeconds: number; counts: number[] };
    serverCpu: Array<{ pid: number; points: Array<[seconds: number, cores: number]> }>;
    generatorCpu: Array<[seconds: number, cores: number]>;
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
/** A worker whose event loop stalls this long cannot keep its schedule or timestamps honest. */
const STALLED_LOOP_MS = 50;

/**
 * What limited the run. A saturated generator makes every other figure a
 * measure of the generator, so it is named first.
 */
export function judgeBottleneck(
  servers: readonly ProcessFigures[], generator: LoadTestResult['generator'], machineCores: number,
): { bottleneck: Bottleneck; notes: string[] } {
  const notes: string[] = [];
  for (const worker of generator.workers) {
    if (worker.cpuCores >= SATURATED_CORES) notes.push(`generator worker ${worker.pid} used ${worker.cpuCores.toFixed(2)} cores (saturated)`);
    else if (worker.eventLoopDelayP99Ms >= STALLED_LOOP_MS) notes.push(`generator worker ${worker.pid} event loop p99 delay ${worker.eventLoopDelayP99Ms.toFixed(0)} ms`);
  }
  if (notes.length > 0) return { bottleneck: 'generator', notes };
  const busyServers = servers.filter((server) => server.cpuCores >= SATURATED_CORES);
  for (const server of busyServers) notes.push(`comm server ${server.pid} used ${server.cpuCores.toFixed(2)} cores (saturated)`);
  if (busyServers.length > 0) return { bottleneck: 'server', notes };
  const total = generator.cpuCores + servers.reduce((sum, server) => sum + server.cpuCores, 0);
  if (total >= 0.9 * machineCores) {
    return { bottleneck: 'machine', notes: [`servers and generator together used ${total.toFixed(2)} of ${machineCores} cores`] };
  }
  return { bottleneck: 'none', notes };
}
