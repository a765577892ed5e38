// An in-process cluster for tests: a real coordinator and real comm servers
// on 127.0.0.1, talking over real WebSockets and werift peer connections.
import { once } from 'node:events';
import type { TestContext } from 'node:test';
import { Coordinator, fullMeshSelector, starSelector, type CoordinatorOptions, type RandomSource } from '../../coordinator/index.js';
import { CommServer, type CommServerOptions } from '../../commserver/index.js';
import { BrokerClient, type BrokerClientOptions } from '../../client/index.js';
import { Role } from '../../shared/codec.js';
import { silentLogger } from '../../shared/log.js';
import { serversLinked, startCommServerProcess } from '../../shared/processes.js';

export interface TestCluster {
  coordinator: Coordinator;
  servers: CommServer[];
  /** Steers which comm server (by alias) the next client gets; undefined: the coordinator's random choice. */
  nextClientServer: number | undefined;
  connect(options?: Partial<BrokerClientOptions>): Promise<BrokerClient>;
  addServer(options?: Partial<CommServerOptions>): Promise<CommServer>;
  close(): Promise<void>;
}

/**
 * The coordinator's own selector, with its random source pinned when a test
 * sets `nextClientServer` (the random choice itself is tested in the
 * coordinator's tests).
 */
export async function startCluster(options: {
  servers: number; topology?: 'mesh' | 'star'; serverOptions?: Partial<CommServerOptions>; coordinatorOptions?: Partial<CoordinatorOptions>;
  /** Closes the cluster when this test ends. */
  closedAfter?: TestContext;
}): Promise<TestCluster> {
  const clients: BrokerClient[] = [];
  let pinned: number | undefined;
  const random: RandomSource = () => {
    if (pinned === undefined) return Math.random();
    const candidates = coordinator.registry.servers().filter((server) => server.role !== Role.COMMUNICATION_SERVER_HUB);
    const index = candidates.findIndex((server) => server.alias === pinned);
    if (index < 0) throw new Error(`server ${pinned} is not registered`);
    return (index + 0.5) / candidates.length;
  };
  const star = options.topology === 'star';
  const coordinator = await Coordinator.start({
    port: 0,
    logger: silentLogger(),
    selector: star ? starSelector(random) : fullMeshSelector(random),
    ...options.coordinatorOptions,
  });
  const cluster: TestCluster = {
    coordinator,
    servers: [],
    get nextClientServer() {
      return pinned;
    },
    set nextClientServer(index) {
      pinned = index;
    },
    async connect(clientOptions) {
      // WebRTC unless a test asks otherwise: a set-up slowed past the fallback
      // timeout on a loaded host must not move a test onto the WebSocket
      // endpoint, where both channels are reliable.
      const client = await BrokerClient.connect({ coordinatorUrl: coordinator.url, transport: 'webrtc', ...clientOptions });
      clients.push(client);
      return client;
    },
    async addServer(serverOptions) {
      const server = new CommServer({
        coordinatorUrl: coordinator.url, webSocket: { host: '127.0.0.1', port: 0 }, ...options.serverOptions, ...serverOptions,
      });
      cluster.servers.push(server);
      const registered = once(server, 'registered');
      server.start();
      await registered;
      return server;
    },
    async close() {
      for (const client of clients) client.close();
      await Promise.all(cluster.servers.map((server) => server.close()));
      await coordinator.close();
    },
  };
  options.closedAfter?.after(() => cluster.close());
  if (star) await cluster.addServer({ hub: true });
  for (let i = 0; i < options.servers; i++) await cluster.addServer();
  await meshFormed(cluster.servers, star);
  return cluster;
}

/** Resolves when every server has all the links its topology gives it. */
export async function meshFormed(servers: CommServer[], star = false): Promise<void> {
  const plain = servers.filter((server) => !server.isHub).length;
  const expected = (server: CommServer) => (!star ? servers.length - 1 : server.isHub ? plain : 1);
  await Promise.all(servers.map(async (server) => {
    while (server.linkedServers().length < expected(server)) await once(server, 'peerAuthenticated');
  }));
}

/**
 * A comm server in a process of its own (one a test can kill), joined to
 * `cluster` and linked with all its servers, both ways; killed when the test
 * ends.
 */
export async function joinServerProcess(t: TestContext, cluster: TestCluster, args: string[] = []): Promise<Awaited<ReturnType<typeof startCommServerProcess>>> {
  const server = await startCommServerProcess({ coordinatorUrl: cluster.coordinator.url, stderr: 'ignore', args });
  t.after(() => server.process.kill());
  await serversLinked(server.process, cluster.servers.length);
  await Promise.all(cluster.servers.map(async (own) => {
    while (!own.linkedServers().some((peer) => peer.alias === server.alias)) await once(own, 'peerAuthenticated');
  }));
  return server;
}

/** Connects one client to each listed server (by alias), in order. */
export async function connectTo(cluster: TestCluster, serverAliases: number[], options?: Partial<BrokerClientOptions>): Promise<BrokerClient[]> {
  const clients: BrokerClient[] = [];
  for (const alias of serverAliases) {
    cluster.nextClientServer = alias;
    clients.push(await cluster.connect(options));
  }
  cluster.nextClientServer = undefined;
  return clients;
}
