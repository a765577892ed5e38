// Pass criteria of a run, as load-test tools have them (k6 thresholds): each
// bounds one figure of the result, and `broker loadtest` exits non-zero when
// a run misses one. A figure the run did not measure misses its threshold:
// a gate must not pass on what it never saw.
import type { LoadTestResult } from './result.js';

export interface ThresholdSpec {
  /** The flag, `--max-p99-ms`, without its dashes. */
  flag: string;
  description: string;
  /** What is bounded, as the report names it. */
  figure: string;
  /** The figure of a result; undefined when the run did not measure it. */
  measure: (result: LoadTestResult) => number | undefined;
  format: (value: number) => string;
  /** The largest value the flag takes. */
  maxLimit?: number;
}

export interface ThresholdOutcome {
  flag: string;
  limit: number;
  figure: string;
  /** The figure as the report shows it, or 'not measured'. */
  value: string;
  met: boolean;
}

const messagesMeasured = (result: LoadTestResult) => result.expected > 0;
const largestOverServers = (result: LoadTestResult, figure: (server: LoadTestResult['servers'][number]) => number) =>
  (result.servers.length === 0 ? undefined : Math.max(...result.servers.map(figure)));
const ms = (value: number) => `${value.toFixed(2)} ms`;

export const THRESHOLDS: readonly ThresholdSpec[] = [
  {
    flag: 'max-p99-ms',
    description: 'Most the p99 end-to-end latency may be, in ms',
    figure: 'latency p99',
    measure: (result) => (messagesMeasured(result) ? result.latencyMs.p99 : undefined),
    format: ms,
  },
  {
    flag: 'max-loss',
    description: 'Most the loss may be, as a fraction of the expected deliveries (0.001 = 0.1%; 0 = none lost)',
    figure: 'loss',
    measure: (result) => (messagesMeasured(result) ? result.lossRatio : undefined),
    format: (ratio) => `${(ratio * 100).toFixed(4)}%`,
    maxLimit: 1,
  },
  {
    flag: 'max-setup-p99-ms',
    description: 'Most the p99 connection set-up time may be, in ms',
    figure: 'set-up p99',
    measure: (result) => (result.clients.connected > 0 ? result.setupMs.p99 : undefined),
    format: ms,
  },
  {
    flag: 'max-server-rss-mib',
    description: 'Most the peak RSS of any sampled comm server may be while measuring, in MiB',
    figure: 'largest server RSS',
    measure: (result) => largestOverServers(result, (server) => server.rssBytes / 1024 / 1024),
    format: (mib) => `${mib.toFixed(1)} MiB`,
  },
  {
    flag: 'max-server-cores',
    description: 'Most CPU any sampled comm server may use while measuring, in cores',
    figure: 'busiest server',
    measure: (result) => largestOverServers(result, (server) => server.cpuCores),
    format: (cores) => `${cores.toFixed(2)} cores`,
  },
];

/** The outcome of each threshold given (flag -> limit), in THRESHOLDS order. */
export function checkThresholds(result: LoadTestResult, limits: ReadonlyMap<string, number>): ThresholdOutcome[] {
  return THRESHOLDS.filter((spec) => limits.has(spec.flag)).map((spec) => {
    const limit = limits.get(spec.flag)!;
    const value = spec.measure(result);
    return {
      flag: spec.flag,
      limit,
      figure: spec.figure,
      value: value === undefined ? 'not measured' : spec.format(value),
      met: value !== undefined && value <= limit,
    };
  });
}

export const describeOutcome = (outcome: ThresholdOutcome) =>
  `--${outcome.flag} ${outcome.limit}: ${outcome.figure} ${outcome.value}`;
