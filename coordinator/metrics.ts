// Prometheus metrics of the coordinator, read at scrape time from its counters and registry.
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { Role } from '../shared/codec.js';
import type { Coordinator } from './coordinator.js';
import type { NatsCluster } from './nats/cluster.js';

/** `nats`: the coordinator's shared state, when it runs with --nats. */
export function coordinatorMetrics(coordinator: Coordinator, nats?: NatsCluster): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const { stats } = coordinator;
  /** A counter with one value per `label` value, read from `counts()` at each scrape. */
  const countsByLabel = (name: string, help: string, label: string, counts: () => Iterable<readonly [string | number, number]>): void => {
    new Counter({
      name, help, labelNames: [label], registers,
      collect() {
        this.reset();
        for (const [value, count] of counts()) this.inc({ [label]: value }, count);
      },
    });
  };

  new Gauge({
    name: 'broker_coordinator_peers', help: 'Connected peers by role.', labelNames: ['role'], registers,
    collect() {
      this.reset();
      for (const peer of coordinator.registry.all()) this.inc({ role: Role[peer.role] });
    },
  });
  countsByLabel('broker_coordinator_connections_total', 'Accepted connections by kind (rate() gives connects/s).', 'kind', () => [
    ['client', stats.connections.clients],
    ['server', stats.connections.servers],
  ]);
  countsByLabel('broker_coordinator_relayed_total', 'Signaling messages relayed, by type.', 'type', () => Object.entries(stats.relayed));
  countsByLabel('broker_coordinator_dropped_total', 'Messages dropped, by reason.', 'reason', () => [
    ['unknown_alias', stats.droppedUnknownAlias],
    ['undecodable', stats.droppedUndecodable],
    ['unsupported_type', stats.droppedUnsupportedType],
    ['text_frame', stats.droppedTextFrames],
    ['idle', stats.idleTerminations],
    ['rate_limited', stats.droppedRateLimited],
    ['oversize', stats.droppedOversize],
  ]);
  countsByLabel('broker_coordinator_refused_upgrades_total', 'Refused WebSocket upgrades, by reason.', 'reason', () =>
    Object.entries(stats.refusedUpgrades),
  );
  new Counter({
    name: 'broker_coordinator_banned_total', help: 'Clients refused at /connect for a banned identity.', registers,
    collect() {
      this.reset();
      this.inc(stats.refusedBanned);
    },
  });
  new Counter({
    name: 'broker_coordinator_kicks_total', help: 'Kicks asked for through the admin API.', registers,
    collect() {
      this.reset();
      this.inc(coordinator.moderation.kicks);
    },
  });
  new Gauge({
    name: 'broker_coordinator_bans', help: 'Identities banned at the moment.', registers,
    collect() {
      this.set(coordinator.moderation.bans);
    },
  });
  countsByLabel('broker_coordinator_assignments_total', 'Clients assigned to each live comm server.', 'server', () => stats.assignments);
  if (nats !== undefined) natsMetrics(nats, registers);
  return registry;
}

function natsMetrics(nats: NatsCluster, registers: Registry[]): void {
  new Gauge({
    name: 'broker_coordinator_nats_connected', help: '1 while connected to NATS (--nats), 0 while reconnecting.', registers,
    collect() {
      this.set(nats.connectionState.connected ? 1 : 0);
    },
  });
  new Counter({
    name: 'broker_coordinator_nats_disconnects_total', help: 'Times the connection to NATS was lost.', registers,
    collect() {
      this.reset();
      this.inc(nats.connectionState.disconnects);
    },
  });
  new Counter({
    name: 'broker_coordinator_nats_ignored_entries_total', help: 'Registry entries ignored: without a valid seal (with the cluster secret), or malformed.', registers,
    collect() {
      this.reset();
      this.inc(nats.stats.ignoredEntries);
    },
  });
  new Gauge({
    name: 'broker_coordinator_cluster_coordinators', help: 'Coordinators of the cluster alive (their beats seen), this one included.', registers,
    collect() {
      this.set(nats.liveCoordinators());
    },
  });
  new Gauge({
    name: 'broker_coordinator_cluster_servers', help: 'Comm servers registered in the whole cluster, as this coordinator sees them.', registers,
    collect() {
      this.set(nats.servers().length);
    },
  });
  new Counter({
    name: 'broker_coordinator_nats_signals_total', help: 'Signaling frames sent to (out) and received from (in) other coordinators over NATS.',
    labelNames: ['direction'], registers,
    collect() {
      this.reset();
      const { published, received } = nats.stats;
      this.inc({ direction: 'out' }, published);
      this.inc({ direction: 'in' }, received);
    },
  });
  new Counter({
    name: 'broker_coordinator_nats_dropped_total', help: 'Signaling frames for other coordinators dropped, by reason.', labelNames: ['reason'], registers,
    collect() {
      this.reset();
      const { droppedDisconnected, malformed, unsealed } = nats.stats;
      this.inc({ reason: 'disconnected' }, droppedDisconnected);
      this.inc({ reason: 'malformed' }, malformed);
      this.inc({ reason: 'unsealed' }, unsealed);
    },
  });
}
