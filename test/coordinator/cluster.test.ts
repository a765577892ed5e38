// The coordinator's side of a cluster (coordinator/cluster.ts), with a
// scripted cluster in place of NATS (test/cluster/ runs the real one): what
// a comm server's WELCOME lists, the second WELCOME for a server seen late,
// a client given a server of another coordinator, and signaling both ways.
import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { test, type TestContext } from 'node:test';
import { Connect, MessageType, Role, WebRtc, Welcome, encodeJson } from '../../shared/codec.js';
import type { AttachingServer, ClusterServer, CoordinatorCluster, CoordinatorClusterEvents } from '../../coordinator/cluster.js';
import type { Readiness } from '../../shared/http-endpoint.js';
import { TestPeer, connectClient, connectServer, startCoordinator } from './helpers.js';

/** Servers "registered elsewhere" are announced by the test; ours get the orders the test queued. */
class ScriptedCluster extends EventEmitter<CoordinatorClusterEvents> implements CoordinatorCluster {
  readonly known: ClusterServer[] = [];
  readonly orders: number[] = [];
  readonly forwarded: Array<{ toAlias: number; frame: Uint8Array }> = [];
  #nextAlias = 1_000_000;

  nextAlias(): number {
    return this.#nextAlias++;
  }

  servers(): ClusterServer[] {
    return [...this.known].sort((a, b) => a.order - b.order);
  }

  /** `attached A` when a registration completes, `detached A` when the coordinator says a server left. */
  readonly log: string[] = [];
  #onDetach: (() => void) | undefined;
  /** While set, registrations wait for it. */
  hold: Promise<void> | undefined;

  async attachServer(server: AttachingServer): Promise<number> {
    const order = this.orders.shift();
    if (order === undefined) throw new Error('no order queued');
    await this.hold;
    this.announce({ alias: server.alias, role: server.role, serverId: server.serverId, webSocketUrl: server.webSocketUrl, order });
    this.log.push(`attached ${server.alias}`);
    return order;
  }

  detachServer(server: AttachingServer): void {
    this.log.push(`detached ${server.alias}`);
    this.#onDetach?.();
  }

  /** Resolves at the next detachServer. */
  nextDetach(): Promise<void> {
    return new Promise((resolve) => (this.#onDetach = resolve));
  }

  #waiting: ((forwarded: { toAlias: number; frame: Uint8Array }) => void) | undefined;

  forward(toAlias: number, frame: Uint8Array): boolean {
    this.forwarded.push({ toAlias, frame });
    this.#waiting?.({ toAlias, frame });
    return true;
  }

  /** The next frame the coordinator forwards. */
  nextForward(): Promise<{ toAlias: number; frame: Uint8Array }> {
    return new Promise((resolve) => (this.#waiting = resolve));
  }

  readiness(): Readiness {
    return { ready: true, detail: {} };
  }

  async close(): Promise<void> {}

  /** A server registered (here or elsewhere): in the view, and told to the coordinator. */
  announce(server: ClusterServer): void {
    this.known.push(server);
    this.emit('serverAdded', server);
  }
}

async function clusterCoordinator(t: TestContext) {
  const cluster = new ScriptedCluster();
  const coordinator = await startCoordinator(t, { cluster });
  return { cluster, coordinator };
}

const remote = (alias: number, order: number, serverId = `remote-${alias}`): ClusterServer =>
  ({ alias, role: Role.COMMUNICATION_SERVER, serverId, webSocketUrl: `ws://127.0.0.1:${alias % 60000}`, order });

test("a comm server's WELCOME lists the cluster's servers registered before it, not those after", async (t) => {
  const { cluster, coordinator } = await clusterCoordinator(t);
  cluster.known.push(remote(5, 1), remote(6, 50));
  cluster.orders.push(10);
  const server = await connectServer(coordinator, { query: { server_id: 'ours' } });
  t.after(() => server.peer.close());
  assert.deepEqual(server.welcome.availableServers, [5]);
  assert.deepEqual(server.welcome.serverIds, ['remote-5']);
});

test('a server registered before ours but seen late reaches ours in a second WELCOME; one registered after does not', async (t) => {
  const { cluster, coordinator } = await clusterCoordinator(t);
  cluster.orders.push(10);
  const server = await connectServer(coordinator, { query: { server_id: 'ours' } });
  t.after(() => server.peer.close());
  assert.deepEqual(server.welcome.availableServers, []);
  cluster.announce(remote(7, 20));
  cluster.announce(remote(8, 3));
  const second = Welcome.decode(await server.peer.nextFrame());
  assert.equal(second.alias, server.alias, 'the same alias');
  assert.deepEqual(second.availableServers, [8], 'only the earlier one: the later one links to ours itself');
  assert.deepEqual(second.serverIds, ['remote-8']);
  // Announced again (a refresh, a watch read anew): not told twice.
  cluster.announce(remote(8, 3));
  cluster.announce(remote(9, 4));
  assert.deepEqual(Welcome.decode(await server.peer.nextFrame()).availableServers, [9]);
});

test('a client may get a server of another coordinator, with its WebSocket URL', async (t) => {
  const { cluster, coordinator } = await clusterCoordinator(t);
  cluster.known.push(remote(5, 1));
  const client = await connectClient(coordinator);
  t.after(() => client.peer.close());
  assert.deepEqual(client.welcome.availableServers, [5]);
  assert.deepEqual(client.welcome.serverUrls, [`ws://127.0.0.1:5`]);
});

test("signaling for a peer of another coordinator goes to the cluster with from_alias stamped; the cluster's reaches peers here", async (t) => {
  const { cluster, coordinator } = await clusterCoordinator(t);
  cluster.known.push(remote(5, 1));
  const client = await connectClient(coordinator);
  t.after(() => client.peer.close());
  const next = cluster.nextForward();
  client.peer.send(Connect.encode({ type: MessageType.CONNECT, fromAlias: 424242, toAlias: 5 }));
  const forwarded = await next;
  assert.equal(forwarded.toAlias, 5);
  const connect = Connect.decode(forwarded.frame);
  assert.equal(connect.fromAlias, client.alias, 'from_alias stamped by the coordinator');
  assert.equal(connect.fromRole, Role.CLIENT);

  const offer = WebRtc.encode({ type: MessageType.WEBRTC_OFFER, fromAlias: 5, toAlias: client.alias, data: encodeJson({ type: 'offer', sdp: 'v=0' }) });
  cluster.emit('signal', client.alias, offer);
  assert.deepEqual(new Uint8Array(await client.peer.nextFrame()), new Uint8Array(offer));
  assert.equal(coordinator.registry.clientCount, 1);
});

test('a comm server that leaves while the cluster registers it is removed from the cluster once registered', { timeout: 10_000 }, async (t) => {
  const { cluster, coordinator } = await clusterCoordinator(t);
  cluster.orders.push(10);
  let release!: () => void;
  cluster.hold = new Promise((resolve) => (release = resolve));
  const peer = new TestPeer(`${coordinator.url}/discover?role=COMMUNICATION_SERVER&server_id=leaving`);
  await once(peer.ws, 'open');
  const leftEarly = cluster.nextDetach();
  await peer.close();
  await leftEarly;
  const detachedAgain = cluster.nextDetach();
  release();
  await detachedAgain;
  const alias = cluster.known[0]!.alias;
  assert.deepEqual(cluster.log, [`detached ${alias}`, `attached ${alias}`, `detached ${alias}`], 'detached after its registration completed');
  assert.equal(coordinator.registry.serverCount, 0);
});
