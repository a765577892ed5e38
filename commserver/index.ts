export { CommServer, type CommServerOptions } from './commserver.js';
export type { Peer, PeerCloseReason, ChannelKind } from './peer.js';
