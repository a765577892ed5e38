// The load-test scenarios: their parameters and defaults, and who subscribes
// to and publishes what once the clients are connected (the coordinator
// picks each client's comm server, so roles are assigned after connecting).
import { availableParallelism } from 'node:os';
import type { ChannelKind } from '../shared/rtc.js';
import { MAX_MEASURED_MICROS, MIN_BODY_BYTES } from './payload.js';

export type { ChannelKind };

export const SCENARIOS = ['dense', 'fanout', 'mesh', 'storm', 'rooms', 'idle', 'presence'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
export type RtcKind = 'werift' | 'wrtc';
/**
 * How clients reach their comm server: WebRTC data channels, the WebSocket
 * fallback, or the client library's default (`auto`: WebRTC, the WebSocket
 * endpoint if the peer connection is not up in time).
 */
export type TransportKind = 'webrtc' | 'ws' | 'auto';

/** Send times are stamped in 32 bits of microseconds: the measured phase and its drain must fit. */
const MAX_DURATION_SECONDS = Math.floor(MAX_MEASURED_MICROS / 1e6 / 2);

export interface ScenarioDefaults {
  clients: number;
  servers: number;
  /** Messages per second per publisher. */
  rate: number;
  size: number;
  channel: ChannelKind;
  durationSeconds: number;
  /**
   * Seconds of the same traffic before the measured window, not counted: the
   * servers' JIT, the SCTP associations and the queues reach their steady
   * state first (without it the first second's backlog set the p99).
   */
  warmupSeconds: number;
}

export const scenarioDefaults: Record<ScenarioName, ScenarioDefaults> = {
  // The Go original's density benchmark: everyone hears everyone's position updates.
  dense: { clients: 20, servers: 1, rate: 10, size: 9, channel: 'unreliable', durationSeconds: 10, warmupSeconds: 2 },
  fanout: { clients: 50, servers: 1, rate: 500, size: 100, channel: 'reliable', durationSeconds: 10, warmupSeconds: 2 },
  mesh: { clients: 30, servers: 3, rate: 10, size: 9, channel: 'unreliable', durationSeconds: 10, warmupSeconds: 2 },
  storm: { clients: 200, servers: 1, rate: 10, size: 9, channel: 'reliable', durationSeconds: 3, warmupSeconds: 0 },
  // Many small groups on one server: neighbourhoods of a virtual world, classes, game lobbies.
  rooms: { clients: 100, servers: 1, rate: 10, size: 20, channel: 'unreliable', durationSeconds: 10, warmupSeconds: 2 },
  // What connected clients cost when nobody talks: their heartbeats only (rate and size are not used).
  idle: { clients: 100, servers: 1, rate: 10, size: 20, channel: 'unreliable', durationSeconds: 10, warmupSeconds: 0 },
  // Everyone joins one room at once and wants to see who is there (rate and size are not used; the duration is the longest wait).
  presence: { clients: 100, servers: 3, rate: 10, size: 20, channel: 'reliable', durationSeconds: 30, warmupSeconds: 0 },
};

/** Clients per room in the rooms and idle scenarios, by default. */
export const DEFAULT_ROOM_SIZE = 10;

export const scenarioDescriptions: Record<ScenarioName, string> = {
  dense: 'N clients on one topic, each publishing to the N-1 others',
  fanout: 'one publisher to N subscribers',
  mesh: "N clients over S servers; each hears only the other servers' clients, so every message crosses servers",
  storm: 'N clients connecting at once (set-up times), then one publisher to all of them',
  rooms: 'N clients in rooms of --room-size, each room a topic; every client publishes to its room and hears the others',
  idle: 'N clients connected and subscribed to their rooms, heartbeats only: RSS and CPU per connected client',
  presence: 'N clients over S servers subscribing to one topic with presence at once: the time until every client lists all N, MEMBER_DELTA frames per server link, server CPU',
};

/** Scenarios whose clients publish nothing once measuring. */
export const SILENT_SCENARIOS: ReadonlySet<ScenarioName> = new Set(['idle', 'presence']);

/** The topic the presence scenario's clients join. */
export const PRESENCE_TOPIC = 'presence';

export interface LoadParameters extends ScenarioDefaults {
  scenario: ScenarioName;
  workers: number;
  rtc: RtcKind;
  transport: TransportKind;
  /** With transport `auto`: the client's webrtcTimeoutMs; undefined: the client's default. */
  webrtcTimeoutMs?: number;
  /** The clients' heartbeatIntervalMs (0: no heartbeat); undefined: the client's default. */
  heartbeatIntervalMs?: number;
  /**
   * An existing cluster to load: its coordinators, over which the clients are
   * spread round-robin. Undefined starts a local one with `servers` comm servers.
   */
  coordinatorUrls?: string[];
  /**
   * Clients announce the batch extension (the default): the comm server
   * coalesces what it sends them. false measures the per-message path, as
   * the Go original's clients, which know no BATCH, get it.
   */
  batch: boolean;
  /** Clients per room (topic) in the rooms and idle scenarios. */
  roomSize: number;
}

/** Clients to connect: fanout's N are subscribers, plus its publisher. */
export function clientCount(parameters: Pick<LoadParameters, 'scenario' | 'clients'>): number {
  return parameters.scenario === 'fanout' ? parameters.clients + 1 : parameters.clients;
}

/**
 * Worker processes for the clients. Each is one event loop, so on a small
 * host the generator and the servers compete for cores: leave one per local
 * server, and never fewer than one worker.
 */
export function defaultWorkers(clients: number, localServers: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, clients, cores - localServers));
}

export function resolveParameters(
  scenario: ScenarioName, given: Partial<Omit<LoadParameters, 'scenario'>>,
): LoadParameters {
  const merged = { ...scenarioDefaults[scenario], ...definedOnly(given) };
  const coordinatorUrls = given.coordinatorUrls?.length ? given.coordinatorUrls : undefined;
  const localServers = coordinatorUrls === undefined ? merged.servers : 0;
  const parameters: LoadParameters = {
    ...merged,
    scenario,
    rtc: given.rtc ?? 'werift',
    transport: given.transport ?? 'webrtc',
    webrtcTimeoutMs: given.webrtcTimeoutMs,
    heartbeatIntervalMs: given.heartbeatIntervalMs,
    batch: given.batch ?? true,
    roomSize: given.roomSize ?? DEFAULT_ROOM_SIZE,
    workers: given.workers ?? defaultWorkers(clientCount({ scenario, clients: merged.clients }), localServers),
    coordinatorUrls,
  };
  validate(parameters);
  return parameters;
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function validate(p: LoadParameters): void {
  const minimumClients = p.scenario === 'fanout' ? 1 : 2;
  if (!Number.isInteger(p.clients) || p.clients < minimumClients) throw new Error(`--clients must be an integer >= ${minimumClients} for ${p.scenario}`);
  if (!Number.isInteger(p.servers) || p.servers < 1) throw new Error('--servers must be a positive integer');
  if (!Number.isInteger(p.workers) || p.workers < 1) throw new Error('--workers must be a positive integer');
  if (p.webrtcTimeoutMs !== undefined) {
    if (p.transport !== 'auto') throw new Error('--webrtc-timeout needs --transport auto');
    if (!Number.isInteger(p.webrtcTimeoutMs) || p.webrtcTimeoutMs < 1) throw new Error('--webrtc-timeout must be a positive integer (ms)');
  }
  if (p.heartbeatIntervalMs !== undefined && !(Number.isInteger(p.heartbeatIntervalMs) && p.heartbeatIntervalMs >= 0)) {
    throw new Error('--heartbeat-interval must be an integer >= 0 (ms; 0 turns the heartbeat off)');
  }
  if (!(p.rate > 0) || p.rate > 100_000) throw new Error('--rate must be above 0 and at most 100000 messages per second');
  if (!Number.isInteger(p.size) || p.size < MIN_BODY_BYTES || p.size > 60_000) {
    throw new Error(`--size must be an integer from ${MIN_BODY_BYTES} (sequence + timestamp) to 60000 bytes`);
  }
  if (!(p.durationSeconds > 0) || p.durationSeconds > MAX_DURATION_SECONDS) {
    throw new Error(`--duration must be above 0 and at most ${MAX_DURATION_SECONDS} seconds`);
  }
  if (!(p.warmupSeconds >= 0) || p.warmupSeconds > 60) throw new Error('--warmup must be from 0 to 60 seconds');
  if (!Number.isInteger(p.roomSize) || p.roomSize < 2 || p.roomSize > 10_000) throw new Error('--room-size must be an integer from 2 to 10000');
}

export interface ConnectedClient {
  index: number;
  alias: number;
  serverAlias: number;
}

export interface ClientRole {
  index: number;
  subscribe: string[];
  publish?: string;
}

/**
 * Who subscribes to and publishes what. Rooms are filled in client order,
 * `roomSize` each (the last may be smaller), whatever server each client got.
 */
export function assignRoles(scenario: ScenarioName, clients: readonly ConnectedClient[], roomSize = DEFAULT_ROOM_SIZE): ClientRole[] {
  switch (scenario) {
    case 'rooms':
    case 'idle':
      return clients.map(({ index }, position) => {
        const room = roomTopic(Math.floor(position / roomSize));
        return scenario === 'rooms' ? { index, subscribe: [room], publish: room } : { index, subscribe: [room] };
      });
    case 'dense':
      return clients.map(({ index }) => ({ index, subscribe: ['dense'], publish: 'dense' }));
    case 'presence':
      return clients.map(({ index }) => ({ index, subscribe: [PRESENCE_TOPIC] }));
    case 'fanout':
    case 'storm': {
      const [publisher, ...subscribers] = clients;
      return [
        { index: publisher.index, subscribe: [], publish: scenario },
        ...subscribers.map(({ index }) => ({ index, subscribe: [scenario] })),
      ];
    }
    case 'mesh': {
      const servers = [...new Set(clients.map((client) => client.serverAlias))];
      return clients.map(({ index, serverAlias }) => ({
        index,
        subscribe: servers.filter((server) => server !== serverAlias).map(meshTopic),
        publish: meshTopic(serverAlias),
      }));
    }
  }
}

const meshTopic = (serverAlias: number) => `mesh-${serverAlias}`;
const roomTopic = (room: number) => `room-${room}`;

export interface DeliveryPlan {
  roles: ClientRole[];
  /** Receiver index -> aliases of the publishers it must hear. */
  expectFrom: Map<number, number[]>;
  /** Receiver index -> aliases of the probing publishers it must hear before measuring starts. */
  probeFrom: Map<number, number[]>;
  /** Indices of the clients that publish readiness probes. */
  probers: Set<number>;
  /** Publisher alias -> how many receivers each of its messages has. */
  receiversBySender: Map<number, number>;
}

/**
 * Who must hear whom. Routing depends only on a message's topic and its
 * publisher's server, so readiness needs probes from a couple of publishers
 * per (topic, server), not from all of them: two, so that a prober, which
 * does not hear itself, still hears one.
 */
export function deliveryPlan(roles: readonly ClientRole[], clients: readonly ConnectedClient[]): DeliveryPlan {
  const byIndex = new Map(clients.map((client) => [client.index, client]));
  const publishersOf = new Map<string, ConnectedClient[]>();
  for (const role of roles) {
    if (role.publish === undefined) continue;
    const list = publishersOf.get(role.publish) ?? [];
    list.push(byIndex.get(role.index)!);
    publishersOf.set(role.publish, list);
  }
  const probers = new Set<number>();
  const probersOf = new Map<string, ConnectedClient[]>();
  for (const [topic, publishers] of publishersOf) {
    const perServer = new Map<number, ConnectedClient[]>();
    for (const publisher of publishers) {
      const chosen = perServer.get(publisher.serverAlias) ?? [];
      if (chosen.length < 2) chosen.push(publisher);
      perServer.set(publisher.serverAlias, chosen);
    }
    const chosen = [...perServer.values()].flat();
    for (const publisher of chosen) probers.add(publisher.index);
    probersOf.set(topic, chosen);
  }
  const expectFrom = new Map<number, number[]>();
  const probeFrom = new Map<number, number[]>();
  const receiversBySender = new Map<number, number>();
  for (const role of roles) {
    const self = byIndex.get(role.index)!;
    const others = (list: ConnectedClient[] | undefined) => (list ?? []).filter((c) => c.index !== self.index).map((c) => c.alias);
    const senders = role.subscribe.flatMap((topic) => others(publishersOf.get(topic)));
    expectFrom.set(role.index, senders);
    probeFrom.set(role.index, role.subscribe.flatMap((topic) => others(probersOf.get(topic))));
    for (const sender of senders) receiversBySender.set(sender, (receiversBySender.get(sender) ?? 0) + 1);
  }
  return { roles: [...roles], expectFrom, probeFrom, probers, receiversBySender };
}
