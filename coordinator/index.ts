export {
  Coordinator,
  CLOSE_GOING_AWAY,
  CLOSE_INTERNAL_ERROR,
  CLOSE_POLICY_VIOLATION,
  CLOSE_TRY_AGAIN_LATER,
  type CoordinatorEvents,
  type CoordinatorHttpHandler,
  type CoordinatorOptions,
} from './coordinator.js';
export { AliasAllocator, AliasError, ALIASES_PER_MS, epochAliasStart } from './alias-allocator.js';
export { notFoundHandler, type HttpHandler } from './endpoints.js';
export { Registry, type RegisteredPeer, type PeerInfo } from './registry.js';
export { isServerRole } from '../shared/codec.js';
export { fullMeshSelector, starSelector, type RandomSource, type ServerSelector } from './selector.js';
export { type CoordinatorStats, type RelayedTypeName } from './stats.js';
export { type RefusalStatus } from './endpoints.js';
export { Moderation, type KickRequest, type KickResult } from './moderation.js';
export { adminRoutes, KICK_PATH, type AdminApiOptions, type KickAnswer } from './admin-api.js';
export { clientTokenIssuer, clusterUpgradeAuthenticator, type ClientTokenIssuer } from '../shared/credentials.js';
export { type ClusterServer, type CoordinatorCluster, type CoordinatorClusterEvents } from './cluster.js';
