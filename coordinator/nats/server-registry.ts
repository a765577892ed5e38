// The registry of comm servers shared by coordinators: a JetStream
// key-value bucket whose entries expire after `ttlMs`. Each coordinator puts
// the servers attached to it (keyed by their stable server id, so a server
// that moves to another coordinator replaces its own entry) and puts them
// again every third of the TTL while they stay; it deletes an entry when its
// server leaves. Every coordinator watches the bucket and keeps what it saw
// for at most `ttlMs` after the last put: the servers of a coordinator that
// died disappear with its refreshes. Each coordinator also puts a beat of
// its own (`coordinator.<id>`) at every refresh: the watch must bring it
// back, or it has stalled (its consumer lost with a NATS node, which the
// NATS client notices only after a minute or more) and is started again;
// the beats also tell how many coordinators are alive. With the cluster secret each value is
// `<seal>\n<JSON>`, sealed for its key (seal.ts); an entry without a valid
// seal is ignored.
import { EventEmitter } from 'node:events';
import type { KV, KvWatchEntry } from '@nats-io/kv';
import { Role } from '../../shared/codec.js';
import type { Logger } from '../../shared/log.js';
import type { AttachingServer, ClusterServer } from '../cluster.js';
import type { NatsSeal } from '../../shared/nats-seal.js';

export interface ServerRegistryOptions {
  kv: KV;
  ttlMs: number;
  /** Servers kept at most; entries beyond are ignored (logged). */
  maxServers: number;
  /** This coordinator, written in its entries. */
  coordinatorId: string;
  /** Seals our entries and checks everyone's; none: entries are plain JSON, taken as they are. */
  seal?: NatsSeal;
  logger: Logger;
}

interface ServerRegistryEvents {
  added: [server: ClusterServer];
}

/** An entry's value: JSON. `order` is the revision of the server's first put (missing in that first put). */
interface EntryValue {
  alias: number;
  role: Role;
  serverId?: string;
  webSocketUrl?: string;
  order?: number;
  coordinator: string;
}

interface Seen {
  server: ClusterServer;
  seenAt: number;
}

const encoder = new TextEncoder();
const MAX_SERVER_ID_LENGTH = 128;
const MAX_URL_LENGTH = 512;
/** Delay before watching again after a watch ended by itself. */
const WATCH_RETRY_MS = 1_000;

/** `promise`, or a rejection naming `what` once `ms` passed. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** The key of a server: its stable id when it gave one (base64url keeps KV's key alphabet), else its alias. */
export function keyOf(server: { alias: number; serverId?: string }): string {
  return server.serverId === undefined ? `alias.${server.alias}` : `id.${Buffer.from(server.serverId).toString('base64url')}`;
}

export class ServerRegistry extends EventEmitter<ServerRegistryEvents> {
  readonly #options: ServerRegistryOptions;
  readonly #seen = new Map<string, Seen>();
  /** Servers attached here, by alias: their key and the value refreshed. */
  readonly #attached = new Map<number, { key: string; value: EntryValue }>();
  readonly #refreshTimer: NodeJS.Timeout;
  /** Coordinators whose beat the watch brought, and when. */
  readonly #coordinators = new Map<string, number>();
  /** When the watch last brought this coordinator's own beat (or was started). */
  #ownBeatSeenAt = Date.now();
  /** Entries ignored: not parseable, or without a valid seal. */
  ignored = 0;
  #watch: { stop(): void } | undefined;
  #rewatchTimer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: ServerRegistryOptions) {
    super();
    this.#options = options;
    this.#refreshTimer = setInterval(() => this.refresh(), Math.max(100, options.ttlMs / 3));
    this.#refreshTimer.unref();
  }

  /** Starts watching the bucket (again, after NATS came back): resolves once the entries already there were read. */
  async watch(): Promise<void> {
    this.#watch?.stop();
    this.#watch = undefined;
    const { kv, logger, ttlMs } = this.#options;
    // Bounded: while JetStream elects a new leader after losing a node these may not answer, and the
    // stall check in refresh() only re-arms once a watch is in place; a timeout lets #watchAgainLater retry.
    // With one value kept per key, the bucket's messages are the entries the watch delivers first.
    const { values } = await within(kv.status(), ttlMs, 'the registry bucket status');
    const starting = kv.watch();
    const iterator = await within(starting, ttlMs, 'a watch of the registry bucket').catch((error: Error) => {
      void starting.then((late) => late.stop(), () => undefined);
      throw error;
    });
    this.#watch = iterator;
    this.#ownBeatSeenAt = Date.now();
    let caughtUp!: () => void;
    const initial = new Promise<void>((resolve) => (caughtUp = resolve));
    if (values === 0) caughtUp();
    void (async () => {
      let received = 0;
      try {
        for await (const entry of iterator) {
          this.#onEntry(entry);
          if (entry.isUpdate || ++received >= values) caughtUp();
        }
      } catch (error) {
        if (!this.#closed) logger.warn({ err: (error as Error).message }, 'the server registry watch failed');
      }
      caughtUp();
      // Ended by itself (its consumer lost with a NATS node): watch again, or the view would go stale.
      if (!this.#closed && this.#watch === iterator) this.#watchAgainLater();
    })();
    await initial;
  }

  #watchAgainLater(): void {
    if (this.#rewatchTimer !== undefined || this.#closed) return;
    this.#rewatchTimer = setTimeout(() => {
      this.#rewatchTimer = undefined;
      this.watch().catch((error: Error) => {
        this.#options.logger.warn({ err: error.message }, 'cannot watch the server registry, trying again');
        this.#watchAgainLater();
      });
    }, WATCH_RETRY_MS);
    this.#rewatchTimer.unref();
  }

  /**
   * Every fresh server, in registration order. The servers attached here
   * are always among them: while NATS is away their entries may expire,
   * but this coordinator knows they are there.
   */
  servers(): ClusterServer[] {
    const now = Date.now();
    const servers = new Map<string, ClusterServer>();
    for (const [key, { server, seenAt }] of this.#seen) {
      if (now - seenAt > this.#options.ttlMs) this.#seen.delete(key);
      else servers.set(key, server);
    }
    for (const { key, value } of this.#attached.values()) {
      if (servers.get(key)?.alias !== value.alias) servers.set(key, serverOf(value, value.order!));
    }
    return [...servers.values()].sort((a, b) => a.order - b.order);
  }

  get size(): number {
    return this.#seen.size;
  }

  /** Coordinators whose beat was seen within the TTL, this one included once its first beat came back. */
  liveCoordinators(): number {
    const now = Date.now();
    for (const [id, seenAt] of this.#coordinators) if (now - seenAt > this.#options.ttlMs) this.#coordinators.delete(id);
    return this.#coordinators.size;
  }

  async attach(server: AttachingServer): Promise<number> {
    const key = keyOf(server);
    const value: EntryValue = {
      alias: server.alias, role: server.role, serverId: server.serverId, webSocketUrl: server.webSocketUrl, coordinator: this.#options.coordinatorId,
    };
    const order = await this.#options.kv.put(key, this.#encode(key, value));
    value.order = order;
    this.#attached.set(server.alias, { key, value });
    this.#remember(key, value, order);
    return order;
  }

  /** Deletes the server's entry, unless it already registered again elsewhere (another alias under its key). */
  detach(server: AttachingServer): void {
    const attached = this.#attached.get(server.alias);
    if (attached === undefined) return;
    this.#attached.delete(server.alias);
    const { kv, logger } = this.#options;
    void (async () => {
      const entry = await kv.get(attached.key);
      if (entry?.operation !== 'PUT' || this.#decode(entry.key, entry.value)?.alias !== server.alias) return;
      await kv.delete(attached.key, { previousSeq: entry.revision });
    })().catch((error: Error) => logger.debug({ err: error.message, alias: server.alias }, 'could not delete a server entry (it expires)'));
  }

  /** Puts every attached server again (on a timer, and when NATS is back). */
  refresh(): void {
    const { kv, logger, coordinatorId, ttlMs } = this.#options;
    for (const { key, value } of this.#attached.values()) {
      kv.put(key, this.#encode(key, value)).catch((error: Error) => {
        logger.debug({ err: error.message, alias: value.alias }, 'could not refresh a server entry');
      });
    }
    const beatKey = `coordinator.${coordinatorId}`;
    kv.put(beatKey, this.#encode(beatKey, { coordinator: coordinatorId })).then(() => {
      // Our beats are stored but the watch has not brought one for a TTL: it stalled.
      if (this.#watch === undefined || this.#closed || Date.now() - this.#ownBeatSeenAt <= ttlMs) return;
      logger.warn('the server registry watch stalled, watching again');
      this.#ownBeatSeenAt = Date.now();
      this.watch().catch(() => this.#watchAgainLater());
    }, (error: Error) => logger.debug({ err: error.message }, 'could not put the coordinator beat'));
  }

  close(): void {
    this.#closed = true;
    clearInterval(this.#refreshTimer);
    clearTimeout(this.#rewatchTimer);
    this.#watch?.stop();
  }

  #onEntry(entry: KvWatchEntry): void {
    if (entry.operation !== 'PUT') {
      this.#seen.delete(entry.key);
      return;
    }
    if (entry.key.startsWith('coordinator.')) {
      const beat = this.#open(entry.key, entry.value) as { coordinator?: unknown } | undefined;
      if (typeof beat?.coordinator !== 'string' || entry.key !== `coordinator.${beat.coordinator}`) return;
      if (!this.#coordinators.has(beat.coordinator) && this.#coordinators.size >= this.#options.maxServers) return;
      this.#coordinators.set(beat.coordinator, Date.now());
      if (beat.coordinator === this.#options.coordinatorId) this.#ownBeatSeenAt = Date.now();
      return;
    }
    const value = this.#decode(entry.key, entry.value);
    if (value === undefined) {
      if (this.ignored++ % 100 === 0) this.#options.logger.warn({ key: entry.key, ignored: this.ignored }, 'ignored a server entry: not sealed with the cluster secret, or malformed');
      return;
    }
    this.#remember(entry.key, value, value.order ?? entry.revision);
  }

  #encode(key: string, value: object): Uint8Array {
    const json = encoder.encode(JSON.stringify(value));
    const { seal } = this.#options;
    if (seal === undefined) return json;
    return Buffer.concat([encoder.encode(`${seal.seal(`server ${key}`, json)}\n`), json]);
  }

  #decode(key: string, bytes: Uint8Array): EntryValue | undefined {
    return parseValue(this.#open(key, bytes));
  }

  /** The JSON of a value, its seal checked (with the cluster secret); undefined if either fails. */
  #open(key: string, bytes: Uint8Array): unknown {
    const { seal } = this.#options;
    let json = bytes;
    if (seal !== undefined) {
      const newline = bytes.indexOf(0x0a);
      if (newline < 0) return undefined;
      json = bytes.subarray(newline + 1);
      if (!seal.verify(`server ${key}`, json, Buffer.from(bytes.subarray(0, newline)).toString('latin1'))) return undefined;
    }
    try {
      return JSON.parse(Buffer.from(json).toString('utf8'));
    } catch {
      return undefined;
    }
  }

  #remember(key: string, value: EntryValue, order: number): void {
    const before = this.#seen.get(key);
    if (before === undefined && this.#seen.size >= this.#options.maxServers) {
      this.#options.logger.warn({ maxServers: this.#options.maxServers }, 'ignored a comm server: the cluster has more than --max-cluster-servers');
      return;
    }
    const server = serverOf(value, order);
    this.#seen.set(key, { server, seenAt: Date.now() });
    if (before === undefined || before.server.alias !== server.alias) this.emit('added', server);
  }
}

function serverOf(value: EntryValue, order: number): ClusterServer {
  return { alias: value.alias, role: value.role, serverId: value.serverId, webSocketUrl: value.webSocketUrl, order };
}

/** An entry's value, checked field by field (anyone with access to the bucket may have written it). */
function parseValue(value: unknown): EntryValue | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { alias, role, serverId, webSocketUrl, order, coordinator } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(alias) || (alias as number) < 1) return undefined;
  if (role !== Role.COMMUNICATION_SERVER && role !== Role.COMMUNICATION_SERVER_HUB) return undefined;
  if (serverId !== undefined && (typeof serverId !== 'string' || serverId.length > MAX_SERVER_ID_LENGTH)) return undefined;
  if (webSocketUrl !== undefined && (typeof webSocketUrl !== 'string' || webSocketUrl.length > MAX_URL_LENGTH || !/^wss?:\/\/\S+$/.test(webSocketUrl))) return undefined;
  if (order !== undefined && (!Number.isSafeInteger(order) || (order as number) < 1)) return undefined;
  if (typeof coordinator !== 'string') return undefined;
  return {
    alias: alias as number, role, serverId: serverId as string | undefined, webSocketUrl: webSocketUrl as string | undefined,
    order: order as number | undefined, coordinator,
  };
}
