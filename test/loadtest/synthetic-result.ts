// A load-test result made up for the report and threshold tests.
import type { LoadTestResult } from '../../loadtest/result.js';

export const worker = (cpuCores: number, eventLoopDelayP99Ms = 5) => ({ pid: 2, cpuCores, rssBytes: 1, eventLoopDelayP99Ms });
export const generatorOf = (...workers: ReturnType<typeof worker>[]) => ({
  cpuCores: workers.reduce((total, w) => total + w.cpuCores, 0), parent: { pid: 1, cpuCores: 0, rssBytes: 1 }, workers,
});

export function syntheticResult(): LoadTestResult {
  return {
    scenario: 'dense',
    parameters: { clients: 4, servers: 1, rate: 10, size: 9, channel: 'unreliable', durationSeconds: 2, warmupSeconds: 0, workers: 1, rtc: 'werift', transport: 'webrtc', batch: true, roomSize: 10 },
    machine: { cores: 2, cpuModel: 'test', node: 'v20', platform: 'linux x64' },
    startedAt: '2026-01-01T00:00:00.000Z',
    clients: { connected: 4, failed: 0, disconnected: 0, overWebSocket: 0 },
    sent: 80, refused: 0, expected: 240, delivered: 236, lost: 4, duplicated: 1, unexpected: 0, lossRatio: 4 / 240,
    latencyMs: { p50: 1.5, p90: 3, p99: 9, max: 12, mean: 2 },
    deliveredPerSecond: 118,
    setupMs: { p50: 200, p90: 250, p99: 300, max: 310 },
    measuredSeconds: 2, drainSeconds: 1,
    servers: [{ pid: 3, alias: 7, cpuCores: 0.1, rssBytes: 64 * 1024 * 1024, setupCpuCores: 0.2 }],
    generator: generatorOf(worker(0.2)),
    host: { busyCores: 0.4, otherCores: 0 },
    bottleneck: 'none',
    notes: ['a <note> & more'],
    charts: {
      latencyDistribution: [{ percentile: 0, ms: 0.5 }, { percentile: 50, ms: 1.5 }, { percentile: 99, ms: 9 }, { percentile: 100, ms: 12 }],
      setupDistribution: [{ percentile: 50, ms: 200 }, { percentile: 100, ms: 310 }],
      deliveries: { bucketSeconds: 0.25, counts: [10, 30, 29, 30, 30, 30, 31, 30, 12, 2, 0, 0] },
      latencyOverTime: [{ second: 0, p50: 1.4, p99: 8, count: 99 }, { second: 1, p50: 1.6, p99: 9, count: 121 }, { second: 2, p50: 2, p99: 12, count: 16 }],
      serverCpu: [{ pid: 3, points: [[-1, 0.3], [0.5, 0.1], [1, 0.12], [2.5, 0.02]] }],
      generatorCpu: [[0.5, 0.2], [1, 0.21]],
      serverRss: [{ pid: 3, points: [[-1.5, 48 * 1024 * 1024], [-1, 60 * 1024 * 1024], [0.5, 63 * 1024 * 1024], [1, 64 * 1024 * 1024], [2.5, 64 * 1024 * 1024]] }],
    },
  };
}
