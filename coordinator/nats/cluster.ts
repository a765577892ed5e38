// Coordinators sharing their state over NATS (docs/OPERATIONS.md, "Running
// more than one coordinator"): alias blocks and the registry of comm
// servers in JetStream key-value buckets, the signaling relay on subjects.
// It owns the NATS connection; the coordinator owns it and closes it.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { Kvm, type KV } from '@nats-io/kv';
import type { Readiness } from '../../shared/http-endpoint.js';
import type { Logger } from '../../shared/log.js';
import type { AttachingServer, ClusterServer, CoordinatorCluster, CoordinatorClusterEvents } from '../cluster.js';
import { AliasBlocks, blockOf } from './alias-blocks.js';
import { ReconnectingNats, NatsUnavailable, type NatsConnectionOptions, type NatsConnectionState } from '../../shared/nats-connection.js';
import { NatsSeal } from '../../shared/nats-seal.js';
import { ServerRegistry } from './server-registry.js';
import { SignalBus, type SignalBusStats } from './signal-bus.js';

export interface NatsClusterOptions extends Omit<NatsConnectionOptions, 'name' | 'logger'> {
  /** Prefix of the key-value buckets: `<bucket>-aliases`, `<bucket>-servers`. */
  bucket: string;
  /** Prefix of the subjects: `<prefix>.signal.<block>.<alias>`. */
  subjectPrefix: string;
  /** Copies of the buckets on a NATS cluster, when this coordinator creates them. Default 1. */
  replicas?: number;
  /** A server entry lives this long after its last refresh. */
  registryTtlMs: number;
  maxServers: number;
  /**
   * The cluster secret: what coordinators put on NATS is sealed with it, and
   * what lacks a valid seal is ignored (seal.ts). None: taken as it is.
   */
  clusterSecret?: string;
  /** Clock difference tolerated between coordinators when checking a seal. Default 30000. */
  clockSkewMs?: number;
  logger: Logger;
}

export interface NatsClusterStats extends SignalBusStats {
  /** Frames for another coordinator dropped while NATS was unreachable. */
  droppedDisconnected: number;
  /** Registry entries ignored: without a valid seal, or malformed. */
  ignoredEntries: number;
}

export class NatsCluster extends EventEmitter<CoordinatorClusterEvents> implements CoordinatorCluster {
  /** This coordinator in the cluster (its NATS connection's name, its registry entries). */
  readonly id: string;
  readonly #nats: ReconnectingNats;
  readonly #aliases: AliasBlocks;
  readonly #registry: ServerRegistry;
  readonly #bus: SignalBus;
  readonly #logger: Logger;
  #droppedDisconnected = 0;
  #closed: Promise<void> | undefined;

  /** Connects and reads the shared state; rejects with NatsUnavailable when NATS or JetStream cannot be reached. */
  static async start(options: NatsClusterOptions): Promise<NatsCluster> {
    const id = randomUUID();
    const nats = await ReconnectingNats.connect({ ...options, name: `broker coordinator ${id}` });
    let cluster: NatsCluster | undefined;
    try {
      const [aliases, servers] = await openBuckets(nats, options);
      cluster = new NatsCluster(id, nats, aliases, servers, options);
      await cluster.#start();
      return cluster;
    } catch (error) {
      await (cluster?.close() ?? nats.close()).catch(() => undefined);
      throw new NatsUnavailable('JETSTREAM_UNAVAILABLE', `cannot open the NATS key-value buckets ${options.bucket}-*: ${(error as Error).message} (is JetStream on?)`, { cause: error });
    }
  }

  private constructor(id: string, nats: ReconnectingNats, aliases: KV, servers: KV, options: NatsClusterOptions) {
    super();
    this.id = id;
    this.#nats = nats;
    this.#logger = options.logger;
    const skewMs = options.clockSkewMs ?? 30_000;
    const seal = (maxAgeMs: number) => (options.clusterSecret === undefined ? undefined : new NatsSeal(options.clusterSecret, { maxAgeMs }));
    this.#bus = new SignalBus({
      connection: nats.connection,
      subjectPrefix: options.subjectPrefix,
      seal: seal(skewMs),
      deliver: (toAlias, frame) => this.emit('signal', toAlias, frame),
      logger: options.logger,
    });
    this.#aliases = new AliasBlocks({ kv: aliases, claimed: (block) => this.#bus.listen(block), logger: options.logger });
    this.#registry = new ServerRegistry({
      kv: servers, ttlMs: options.registryTtlMs, maxServers: options.maxServers, coordinatorId: id, logger: options.logger,
      // An entry is put again every third of the TTL: a seal older than the TTL is a replay.
      seal: seal(options.registryTtlMs + skewMs),
    });
    this.#registry.on('added', (server) => this.emit('serverAdded', server));
    nats.onChange((connected) => {
      if (!connected) return;
      // Back: a NATS that lost its store has no buckets, our entries may have expired meanwhile, the watch may have missed changes.
      openBuckets(nats, options)
        .then(() => {
          this.#registry.refresh();
          return this.#registry.watch();
        })
        .catch((error: Error) => this.#logger.warn({ err: error.message }, 'cannot open and watch the shared buckets again'));
    });
  }

  async #start(): Promise<void> {
    await this.#aliases.start();
    await this.#registry.watch();
    // Subscriptions are in place once the server has them: a frame published right after start is not lost.
    await this.#nats.connection.flush();
  }

  /** Calls `listener` each time the connection to NATS is lost (false) or back (true). */
  onConnectionChange(listener: (connected: boolean) => void): void {
    this.#nats.onChange(listener);
  }

  get connectionState(): NatsConnectionState {
    return this.#nats.state;
  }

  get stats(): NatsClusterStats {
    return { ...this.#bus.stats, droppedDisconnected: this.#droppedDisconnected, ignoredEntries: this.#registry.ignored };
  }

  nextAlias(): number {
    return this.#aliases.next();
  }

  servers(): ClusterServer[] {
    return this.#registry.servers();
  }

  /** Coordinators of the cluster alive (their beats seen within the registry's TTL). */
  liveCoordinators(): number {
    return this.#registry.liveCoordinators();
  }

  attachServer(server: AttachingServer): Promise<number> {
    return this.#registry.attach(server);
  }

  detachServer(server: AttachingServer): void {
    this.#registry.detach(server);
  }

  forward(toAlias: number, frame: Uint8Array): boolean {
    // Our own blocks' aliases are attached here or gone: nobody else has them.
    if (this.#aliases.owns(blockOf(toAlias))) return false;
    if (!this.#nats.connected) {
      this.#droppedDisconnected++;
      return false;
    }
    this.#bus.publish(toAlias, frame);
    return true;
  }

  readiness(): Readiness {
    const { connected } = this.#nats;
    return {
      ready: connected,
      detail: { nats: connected ? 'connected' : 'disconnected', clusterServers: this.#registry.size, coordinators: this.#registry.liveCoordinators() },
    };
  }

  close(): Promise<void> {
    this.#closed ??= (async () => {
      this.#registry.close();
      this.#bus.close();
      await this.#nats.close();
    })();
    return this.#closed;
  }
}

/** Opens the buckets, creating them if they are not there (then with this coordinator's TTL and replicas). */
function openBuckets(nats: ReconnectingNats, options: NatsClusterOptions): Promise<[KV, KV]> {
  const kvm = new Kvm(nats.connection);
  const replicas = options.replicas ?? 1;
  return Promise.all([
    kvm.create(`${options.bucket}-aliases`, { history: 1, replicas }),
    kvm.create(`${options.bucket}-servers`, { history: 1, ttl: options.registryTtlMs, replicas }),
  ]);
}
