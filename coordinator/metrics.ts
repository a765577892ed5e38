// Prometheus metrics of the coordinator, read at scrape time from its counters and registry.
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { Role } from '../shared/codec.js';
import type { Coordinator } from './coordinator.js';

export function coordinatorMetrics(coordinator: Coordinator): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const { stats } = coordinator;

  new Gauge({
    name: 'broker_coordinator_peers', help: 'Connected peers by role.', labelNames: ['role'], registers,
    collect() {
      this.reset();
      for (const peer of coordinator.registry.all()) this.inc({ role: Role[peer.role] });
    },
  });
  new Counter({
    name: 'broker_coordinator_connections_total', help: 'Accepted connections by kind (rate() gives connects/s).',
    labelNames: ['kind'], registers,
    collect() {
      this.reset();
      this.inc({ kind: 'client' }, stats.connections.clients);
      this.inc({ kind: 'server' }, stats.connections.servers);
    },
  });
  new Counter({
    name: 'broker_coordinator_relayed_total', help: 'Signaling messages relayed, by type.', labelNames: ['type'], registers,
    collect() {
      this.reset();
      for (const [type, count] of Object.entries(stats.relayed)) this.inc({ type }, count);
    },
  });
  new Counter({
    name: 'broker_coordinator_dropped_total', help: 'Messages dropped, by reason.', labelNames: ['reason'], registers,
    collect() {
      this.reset();
      this.inc({ reason: 'unknown_alias' }, stats.droppedUnknownAlias);
      this.inc({ reason: 'undecodable' }, stats.droppedUndecodable);
      this.inc({ reason: 'unsupported_type' }, stats.droppedUnsupportedType);
      this.inc({ reason: 'text_frame' }, stats.droppedTextFrames);
      this.inc({ reason: 'idle' }, stats.idleTerminations);
      this.inc({ reason: 'rate_limited' }, stats.droppedRateLimited);
      this.inc({ reason: 'oversize' }, stats.droppedOversize);
    },
  });
  new Counter({
    name: 'broker_coordinator_refused_upgrades_total', help: 'Refused WebSocket upgrades, by reason.', labelNames: ['reason'], registers,
    collect() {
      this.reset();
      for (const [reason, count] of Object.entries(stats.refusedUpgrades)) this.inc({ reason }, count);
    },
  });
  new Counter({
    name: 'broker_coordinator_assignments_total', help: 'Clients assigned to each live comm server.', labelNames: ['server'], registers,
    collect() {
      this.reset();
      for (const [server, count] of stats.assignments) this.inc({ server: String(server) }, count);
    },
  });
  return registry;
}
