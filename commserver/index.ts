export { CommServer, type CommServerOptions } from './commserver.js';
export type { Peer, PeerCloseReason } from './peer.js';
export type { ChannelKind } from '../shared/rtc.js';
export {
  clientTokenAuthenticator, clusterCredentials, clusterPeerAuthenticator, firstAccepting, peerAuthenticatorByRole,
} from '../shared/credentials.js';
export { jwtPeerAuthenticator, readJwksFile, type JwtAuthOptions } from '../shared/jwt-auth.js';
