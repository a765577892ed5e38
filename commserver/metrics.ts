// Prometheus metrics of a comm server. Everything is read at scrape time from
// the server's own counters and state, so the data path pays nothing for it.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { MessageType, Role } from '../shared/codec.js';
import type { CommServer } from './commserver.js';
import type { BackboneStats } from './backbone.js';
import type { NatsConnectionState } from '../shared/nats-connection.js';
import type { ChannelKind } from '../shared/rtc.js';

const CHANNELS: ChannelKind[] = ['reliable', 'unreliable'];
const typeName = (type: number) => MessageType[type] ?? 'OTHER';

/** `nats`: the connection of the NATS backbone, when the server runs on it. */
export function commServerMetrics(server: CommServer, nats?: { readonly state: NatsConnectionState }): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  new Gauge({
    name: 'broker_commserver_peers', help: 'Peers by role and state.', labelNames: ['role', 'state'], registers,
    collect() {
      this.reset();
      for (const peer of server.peers.values()) {
        this.inc({ role: peer.authenticated ? Role[peer.role] : 'UNKNOWN_ROLE', state: peer.authenticated ? 'open' : 'connecting' });
      }
    },
  });
  new Gauge({
    name: 'broker_commserver_topics', help: 'Topics with at least one subscriber (client or server).', registers,
    collect() {
      this.set(server.topicCount);
    },
  });
  new Gauge({
    name: 'broker_commserver_subscriptions', help: 'Topic subscriptions, summed over peers.', labelNames: ['kind'], registers,
    collect() {
      this.reset();
      for (const peer of server.peers.values()) {
        this.inc({ kind: peer.isServer ? 'server' : 'client' }, server.topicsOf(peer).size);
      }
    },
  });
  countersByType(registry, 'broker_commserver_messages_in_total', 'Data channel messages received, by type and channel.',
    () => server.stats.messagesIn);
  countersByType(registry, 'broker_commserver_messages_out_total', 'Messages sent (forwarded topic messages, presence frames), by type and channel.',
    () => server.stats.messagesOut);
  new Counter({
    name: 'broker_commserver_bytes_in_total', help: 'Data channel bytes received, by channel.', labelNames: ['channel'], registers,
    collect() {
      this.reset();
      for (const channel of CHANNELS) this.inc({ channel }, server.stats.bytesIn[channel]);
    },
  });
  new Counter({
    name: 'broker_commserver_drops_total', help: 'Messages dropped, by reason.', labelNames: ['reason'], registers,
    collect() {
      this.reset();
      const { stats } = server;
      this.inc({ reason: 'no_subscribers' }, stats.noSubscribers);
      this.inc({ reason: 'undecodable' }, stats.undecodable);
      this.inc({ reason: 'ignored_type' }, stats.ignored);
      this.inc({ reason: 'before_auth' }, stats.beforeAuth);
      this.inc({ reason: 'unreliable_queue_full' }, server.unreliableDrops());
      this.inc({ reason: 'rate_limited' }, server.rateLimited.dropped);
      this.inc({ reason: 'duplicate' }, stats.duplicates);
      this.inc({ reason: 'direct_no_such_peer' }, stats.directsDropped);
    },
  });
  new Counter({
    name: 'broker_commserver_direct_messages_total',
    help: 'Direct messages by outcome: delivered to a client here, forwarded to the server of a client, answered no_such_peer or timeout, dropped (no target, nobody to tell).',
    labelNames: ['outcome'], registers,
    collect() {
      this.reset();
      const { stats } = server;
      this.inc({ outcome: 'delivered' }, stats.directsDelivered);
      this.inc({ outcome: 'forwarded' }, stats.directsForwarded);
      this.inc({ outcome: 'no_such_peer' }, stats.directsNoSuchPeer);
      this.inc({ outcome: 'timeout' }, stats.directsTimedOut);
      this.inc({ outcome: 'dropped' }, stats.directsDropped);
    },
  });
  new Gauge({
    name: 'broker_commserver_directory_entries', help: "Directory entries (clients that take direct messages): this server's own, and its links'.",
    labelNames: ['source'], registers,
    collect() {
      this.reset();
      const { local, remote } = server.directoryEntries;
      this.set({ source: 'local' }, local);
      this.set({ source: 'remote' }, remote);
    },
  });
  new Gauge({
    name: 'broker_commserver_direct_pending', help: "Reliable direct messages waiting for another server's answer.", registers,
    collect() {
      this.set(server.pendingDirects);
    },
  });
  new Counter({
    name: 'broker_commserver_disconnects_total', help: 'Peers closed, by reason.', labelNames: ['reason'], registers,
    collect() {
      this.reset();
      for (const [reason, count] of Object.entries(server.stats.closed)) this.inc({ reason }, count);
    },
  });
  new Counter({
    name: 'broker_commserver_denied_total', help: "What clients' topic permissions refused: messages dropped, topics not subscribed.",
    labelNames: ['action'], registers,
    collect() {
      this.reset();
      this.inc({ action: 'publish' }, server.stats.denied.publish);
      this.inc({ action: 'subscribe' }, server.stats.denied.subscribe);
    },
  });
  new Counter({
    name: 'broker_commserver_refused_total', help: 'CONNECTs refused because the server was full.', registers,
    collect() {
      this.reset();
      this.inc(server.stats.refusedFull);
    },
  });
  new Gauge({
    name: 'broker_commserver_queue_bytes', help: 'Bytes waiting in per-peer send queues, by channel.', labelNames: ['channel'], registers,
    collect() {
      this.reset();
      for (const peer of server.peers.values()) {
        for (const channel of CHANNELS) this.inc({ channel }, peer.queuedBytes(channel));
      }
    },
  });
  new Gauge({
    name: 'broker_commserver_buffered_amount_bytes', help: "Bytes in the data channels' own buffers (bufferedAmount), by channel.",
    labelNames: ['channel'], registers,
    collect() {
      this.reset();
      for (const peer of server.peers.values()) {
        for (const channel of CHANNELS) this.inc({ channel }, peer.bufferedAmount(channel));
      }
    },
  });
  new Gauge({
    name: 'broker_commserver_coordinator_connected', help: '1 while the link to the coordinator is up.', registers,
    collect() {
      this.set(server.coordinatorConnected ? 1 : 0);
    },
  });
  new Gauge({
    name: 'broker_commserver_server_links', help: 'Open, authenticated links to other comm servers.', registers,
    collect() {
      this.set(server.linkedServers().length);
    },
  });
  const setup = new Histogram({
    name: 'broker_commserver_connection_setup_seconds', help: 'From CONNECT to an authenticated peer.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20], registers,
  });
  server.on('peerAuthenticated', (peer) => setup.observe((Date.now() - peer.createdAt) / 1000));
  const backbone = server.backboneStats;
  if (backbone !== undefined && nats !== undefined) backboneMetrics(backbone, nats.state, registers);
  return registry;
}

function backboneMetrics(stats: Readonly<BackboneStats>, nats: NatsConnectionState, registers: Registry[]): void {
  new Gauge({
    name: 'broker_commserver_nats_connected', help: '1 while connected to the NATS backbone, 0 while reconnecting.', registers,
    collect() {
      this.set(nats.connected ? 1 : 0);
    },
  });
  new Counter({
    name: 'broker_commserver_nats_disconnects_total', help: 'Times the connection to the NATS backbone was lost.', registers,
    collect() {
      this.reset();
      this.inc(nats.disconnects);
    },
  });
  new Counter({
    name: 'broker_commserver_backbone_messages_total', help: 'Topic messages published on the NATS backbone, and received from other servers.',
    labelNames: ['direction'], registers,
    collect() {
      this.reset();
      this.inc({ direction: 'published' }, stats.published);
      this.inc({ direction: 'received' }, stats.received);
    },
  });
  new Counter({
    name: 'broker_commserver_backbone_drops_total',
    help: 'Backbone messages lost or dropped: lost (other servers numbered them, they never came), out_of_order, unlinked (from a server without a link here), rejected (malformed or failing the seal), unknown_link.',
    labelNames: ['reason'], registers,
    collect() {
      this.reset();
      this.inc({ reason: 'lost' }, stats.lost);
      this.inc({ reason: 'out_of_order' }, stats.outOfOrder);
      this.inc({ reason: 'unlinked' }, stats.unlinked);
      this.inc({ reason: 'rejected' }, stats.rejected);
      this.inc({ reason: 'unknown_link' }, stats.unknownLink);
    },
  });
}

function countersByType(registry: Registry, name: string, help: string, read: () => Record<ChannelKind, Float64Array>): void {
  new Counter({
    name, help, labelNames: ['type', 'channel'], registers: [registry],
    collect() {
      this.reset();
      const counts = read();
      for (const channel of CHANNELS) {
        counts[channel].forEach((count, type) => {
          if (count > 0) this.inc({ type: typeName(type), channel }, count);
        });
      }
    },
  });
}
