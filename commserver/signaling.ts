// The comm server's side of the coordinator conversation: registering
// (WELCOME names the servers to link to), CONNECTs from clients and servers
// (their set-ups paced by the set-up gate), the SDP and ICE relay to each
// peer's negotiation, CONNECTION_REFUSED both ways, and KICK (answered with
// KICKED). It owns the
// coordinator link and the set-up gate; the comm server owns the peers and
// creates one when asked.
import {
  Connect, ConnectionRefused, ConnectionRefusedReason, Kick, Kicked, MessageType, Role, WebRtc, decodeJson, encodeJson, type KickMessage,
  type WelcomeMessage,
} from '../shared/codec.js';
import type { Logger } from '../shared/log.js';
import type { SignalingSink } from '../shared/negotiation.js';
import { CoordinatorLink, type CoordinatorLinkOptions } from './coordinator-link.js';
import type { KickDone } from './moderation.js';
import type { Peer } from './peer.js';
import { SetupGate } from './setup-gate.js';
import type { CommServerStats } from './stats.js';

/** What signaling needs of its comm server. */
export interface SignalingHost {
  readonly peers: ReadonlyMap<number, Peer>;
  isClosing(): boolean;
  /** No room for another peer (peers and waiting set-ups count alike). */
  isFull(): boolean;
  hasLinkTo(serverId: string): boolean;
  /**
   * A new peer for `alias`: incoming (we offer; `registeredRole`, what the
   * coordinator says it registered as, when it said) or outgoing (a server we
   * link to, `serverId` when the coordinator named it).
   */
  createPeer(alias: number, direction: 'incoming' | 'outgoing', details: { serverId?: string; registeredRole?: Role }): Peer;
  registered(alias: number): void;
  /** The coordinator's KICK: close the clients it names, ban what it bans. */
  kick(message: KickMessage): KickDone;
}

export interface SignalingOptions {
  link: CoordinatorLinkOptions;
  /** Set-ups under way at once (0: no limit), and the longest time one counts. */
  setups: { limit: number; slotMs: number };
  stats: CommServerStats;
  logger: Logger;
  host: SignalingHost;
}

export class Signaling {
  readonly #link: CoordinatorLink;
  readonly #setups: SetupGate;
  readonly #options: SignalingOptions;
  /** The role the coordinator stamped on each CONNECT still waiting for its set-up. */
  readonly #registeredRoles = new Map<number, Role>();
  #alias: number | undefined;

  constructor(options: SignalingOptions) {
    this.#options = options;
    this.#setups = new SetupGate({ ...options.setups, start: (alias) => this.#startSetup(alias) });
    this.#link = new CoordinatorLink(options.link);
    this.#link.on('welcome', (welcome) => this.#onWelcome(welcome));
    this.#link.on('signal', (type, frame) => this.#onSignal(type, frame));
  }

  /** This server's alias for the current coordinator session, once WELCOME came. */
  get alias(): number | undefined {
    return this.#alias;
  }

  get connected(): boolean {
    return this.#link.connected;
  }

  /** CONNECTs waiting for a set-up slot. */
  get waitingSetups(): number {
    return this.#setups.waiting;
  }

  start(): void {
    this.#link.start();
  }

  async close(): Promise<void> {
    this.#setups.clear();
    this.#registeredRoles.clear();
    await this.#link.close();
  }

  /** Where a peer's negotiation sends its description and candidates: to `alias`, through the coordinator. */
  sinkFor(alias: number): SignalingSink {
    const sendWebRtc = (type: MessageType, data: unknown) =>
      this.#link.send(WebRtc.encode({ type, fromAlias: this.#alias, toAlias: alias, data: encodeJson(data) }));
    return {
      sendDescription: (description) =>
        sendWebRtc(description.type === 'offer' ? MessageType.WEBRTC_OFFER : MessageType.WEBRTC_ANSWER, description),
      sendCandidate: (candidate) => sendWebRtc(MessageType.WEBRTC_ICE_CANDIDATE, candidate),
    };
  }

  /** Tells a peer, through the coordinator, why it is not served. */
  refuse(alias: number, reason: ConnectionRefusedReason): void {
    this.#link.send(ConnectionRefused.encode({ type: MessageType.CONNECTION_REFUSED, fromAlias: this.#alias, toAlias: alias, reason }));
  }

  /** An incoming peer's set-up ended (admitted, failed or closed): the next waiting CONNECT may start. */
  setupDone(alias: number): void {
    this.#setups.done(alias);
  }

  /**
   * WELCOME lists the servers to link to. After a coordinator restart it
   * renames everyone: a listed server we are still linked to (same stable
   * identity) keeps its link instead of getting a second one.
   */
  #onWelcome(welcome: WelcomeMessage): void {
    const { host, logger } = this.#options;
    this.#alias = welcome.alias;
    logger.info({ alias: welcome.alias, servers: welcome.availableServers.length }, 'registered with the coordinator');
    welcome.availableServers.forEach((serverAlias, index) => {
      const serverId = welcome.serverIds[index] || undefined;
      if (serverAlias === welcome.alias || host.peers.has(serverAlias)) return;
      if (serverId !== undefined && host.hasLinkTo(serverId)) return;
      this.linkTo(serverAlias, serverId);
    });
    host.registered(welcome.alias);
  }

  /** Links to a server: our peer for it, and a CONNECT to it through the coordinator. */
  linkTo(serverAlias: number, serverId: string | undefined): void {
    if (this.#options.host.isFull()) {
      this.#options.logger.warn({ alias: serverAlias }, 'not linking to a server: this server is full');
      return;
    }
    this.#options.host.createPeer(serverAlias, 'outgoing', { serverId });
    this.#link.send(Connect.encode({ type: MessageType.CONNECT, fromAlias: this.#alias, toAlias: serverAlias }));
  }

  #onSignal(type: MessageType, frame: Uint8Array): void {
    const { host, stats, logger } = this.#options;
    try {
      switch (type) {
        case MessageType.CONNECT: {
          const { fromAlias, fromRole } = Connect.decode(frame);
          return this.#onConnect(fromAlias, fromRole);
        }
        case MessageType.WEBRTC_OFFER:
        case MessageType.WEBRTC_ANSWER:
        case MessageType.WEBRTC_ICE_CANDIDATE:
          return this.#onWebRtc(type, frame);
        case MessageType.CONNECTION_REFUSED: {
          const refused = ConnectionRefused.decode(frame);
          logger.warn({ alias: refused.fromAlias, reason: ConnectionRefusedReason[refused.reason] }, 'server refused our link');
          host.peers.get(refused.fromAlias)?.close('signaling-error');
          return;
        }
        case MessageType.KICK:
          return this.#onKick(Kick.decode(frame));
        default:
          stats.ignored++;
      }
    } catch (error) {
      stats.undecodable++;
      logger.debug({ err: (error as Error).message }, 'bad signaling frame');
    }
  }

  #onKick(message: KickMessage): void {
    const { closed, identity } = this.#options.host.kick(message);
    if (message.requestId > 0) this.#link.send(Kicked.encode({ type: MessageType.KICKED, requestId: message.requestId, closed, identity }));
  }

  /** `fromRole`: UNKNOWN_ROLE from a coordinator that does not stamp roles (the original's). */
  #onConnect(fromAlias: number, fromRole: Role): void {
    const { host, stats } = this.#options;
    if (host.isClosing() || host.peers.has(fromAlias) || this.#setups.isWaiting(fromAlias)) {
      stats.ignored++;
      return;
    }
    if (host.isFull()) {
      stats.refusedFull++;
      this.refuse(fromAlias, ConnectionRefusedReason.SERVER_FULL);
      return;
    }
    if (fromRole !== Role.UNKNOWN_ROLE) this.#registeredRoles.set(fromAlias, fromRole);
    this.#setups.request(fromAlias);
  }

  /** A CONNECT's turn came (at once, or after waiting for a set-up slot): the peer and our offer. */
  #startSetup(alias: number): void {
    const { host } = this.#options;
    const registeredRole = this.#registeredRoles.get(alias);
    this.#registeredRoles.delete(alias);
    if (host.isClosing() || host.peers.has(alias)) {
      this.#setups.done(alias);
      return;
    }
    const peer = host.createPeer(alias, 'incoming', { registeredRole });
    peer.negotiation.offer().catch((error: Error) => this.#failed(peer, error));
  }

  #onWebRtc(type: MessageType, frame: Uint8Array): void {
    const message = WebRtc.decode(frame);
    const peer = this.#options.host.peers.get(message.fromAlias);
    // A client that fell back to WebSocket may have had its answer or ICE
    // candidates for the abandoned peer connection still on their way.
    if (!peer || peer.transport === 'websocket') {
      this.#options.stats.ignored++;
      return;
    }
    let step: Promise<void>;
    try {
      const data = decodeJson<unknown>(message.data);
      if (type === MessageType.WEBRTC_ICE_CANDIDATE) step = peer.negotiation.addRemoteCandidate(data);
      else if (type === MessageType.WEBRTC_OFFER && peer.direction === 'outgoing') step = peer.negotiation.acceptOffer(data);
      else if (type === MessageType.WEBRTC_ANSWER && peer.direction === 'incoming') step = peer.negotiation.acceptAnswer(data);
      else throw new Error(`unexpected ${MessageType[type]}`);
    } catch (error) {
      step = Promise.reject(error);
    }
    step.catch((error: Error) => this.#failed(peer, error));
  }

  #failed(peer: Peer, error: Error): void {
    if (peer.closed) return;
    this.#options.logger.info({ alias: peer.alias, err: error.message }, 'signaling failed, closing the peer');
    peer.close('signaling-error');
  }
}
