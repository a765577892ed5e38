// Messages between the load-test run (parent) and its client workers
// (child processes), in the order a run sends them.
import type { ChannelKind, ClientRole, RtcKind, TransportKind } from './scenarios.js';

export type ToWorker =
  /**
   * Connect these clients (global indices), at most `concurrency` at a time, client i through coordinator
   * i mod (number of coordinators); `pingTimeoutMs` also bounds their presence() requests.
   */
  | {
    type: 'connect'; coordinatorUrls: string[]; indices: number[]; concurrency: number; connectTimeoutMs: number;
    rtc: RtcKind; transport: TransportKind; webrtcTimeoutMs?: number; heartbeatIntervalMs?: number; pingTimeoutMs?: number; batch: boolean;
  }
  /** Subscribe, then probe and listen until every receiver heard its probers. */
  | {
    type: 'subscribe';
    roles: ClientRole[];
    /** Receiver index -> publisher aliases it must hear (counted) and probers it must hear (readiness). */
    expectFrom: Array<[number, number[]]>;
    probeFrom: Array<[number, number[]]>;
    probers: number[];
    size: number;
  }
  /** A client (of any worker) was lost before measuring: no receiver may wait for its probes. */
  | { type: 'forget'; index: number; alias: number }
  /**
   * The presence scenario: at `epochMs` (a shared wall-clock time) every
   * client subscribes to `topic` with presence and follows its members until
   * it knows all of `members` (aliases), for at most `timeoutMs`.
   */
  | { type: 'join'; topic: string; epochMs: number; timeoutMs: number; members: number[] }
  /** Publish measured messages from `epochMs` (a shared wall-clock time) for `durationMs`. */
  | { type: 'start'; epochMs: number; warmupMs: number; durationMs: number; rate: number; size: number; channel: ChannelKind; timelineBucketMs: number }
  /** Stop counting and report. */
  | { type: 'finish' }
  | { type: 'close' };

export interface ConnectOutcome {
  index: number;
  setupMs: number;
  alias?: number;
  serverAlias?: number;
  transport?: 'webrtc' | 'websocket';
  error?: string;
}

export interface WorkerReport {
  /** Publisher alias -> measured messages it sent. */
  sentBySender: Array<[number, number]>;
  /** Publishes the client refused (a full reliable queue). */
  refused: number;
  delivered: number;
  duplicated: number;
  unexpected: number;
  /** The HDR histogram of latencies (microseconds), compressed. */
  latency: string;
  timeline: number[];
  /** The histogram of each second since the epoch, compressed. */
  latencyBySecond: string[];
  /** This worker's event-loop delay while measuring: a busy generator shows here first. */
  eventLoopDelayP99Ms: number;
  /** Clients whose connection closed during the run. */
  disconnected: number;
  /** Why the first of them closed (the client's error code and message). */
  firstDisconnect?: string;
}

/** What clients were told of the presence scenario's topic, summed over them. */
export interface MemberViewCounts {
  /** Members in the presence() replies. */
  listed: number;
  joinEvents: number;
  /** Join events for a member the client had already been told joined (and not left). */
  repeatedJoins: number;
  leaveEvents: number;
  /** Members listed or joined that are none of the run's clients (another user of the cluster's topic). */
  strangers: number;
  /** presence() requests that failed, and the first one's error. */
  requestErrors: number;
  firstError?: string;
}

/** What a worker's clients saw of the presence scenario's topic. */
export interface PresenceReport extends MemberViewCounts {
  /** Clients that joined. */
  watching: number;
  /** ms from the epoch until the worker had subscribed all its clients and sent their presence() requests. */
  subscribedMs: number;
  /** Client index -> ms from the joins until its view held every member (complete views only). */
  completeMs: Array<[number, number]>;
}

export type FromWorker =
  | { type: 'connected'; outcomes: ConnectOutcome[] }
  | { type: 'ready' }
  | { type: 'joined'; report: PresenceReport }
  /** A connected client closed before measuring; the run answers every worker with `forget`. */
  | { type: 'lost'; index: number; alias: number }
  | { type: 'progress'; connected: number; sent: number; delivered: number }
  | { type: 'published' }
  | { type: 'report'; report: WorkerReport }
  | { type: 'failed'; message: string };
