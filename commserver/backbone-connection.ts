// A link to another comm server over the NATS backbone, behind the same
// peer-connection seam as a WebRTC link (shared/rtc.ts): the coordinator
// relays an offer and an answer as for any link, but they carry only each
// side's server id and the link's id, and the two data channels are frames
// published on the other server's link subject. Admission, liveness and
// everything a link carries (presence, the directory, direct messages,
// recovery, acknowledgements) work on it unchanged; topic messages do not
// take it (backbone.ts publishes each once on its topic's subject).
import { randomUUID } from 'node:crypto';
import type {
  DataChannelLike, IceCandidateInit, PeerConnectionLike, SessionDescriptionInit,
} from '../shared/rtc.js';
import { RELIABLE, UNRELIABLE, channelKindOf, type ChannelKind } from '../shared/rtc.js';

/** What a backbone link needs of the backbone: sending to another server's link subject. */
export interface BackboneLinks {
  readonly serverId: string;
  send(toServerId: string, linkId: string, channel: ChannelKind, frame: Uint8Array): void;
  sendClose(toServerId: string, linkId: string): void;
  /** The link takes the frames arriving for `linkId` until `forget`. */
  register(linkId: string, connection: BackboneConnection): void;
  forget(linkId: string): void;
}

const SDP_ATTRIBUTE = 'a=x-broker-backbone:';

/** An SDP that passes the negotiation's checks and names the server and the link. */
function backboneSdp(serverId: string, linkId: string): string {
  return `v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=application 9 NATS broker-backbone\r\na=mid:0\r\n${SDP_ATTRIBUTE}${serverId} ${linkId}\r\n`;
}

function parseBackboneSdp(sdp: string | undefined): { serverId: string; linkId: string } {
  const line = sdp?.split(/\r?\n/).find((candidate) => candidate.startsWith(SDP_ATTRIBUTE));
  const [serverId, linkId, extra] = line?.slice(SDP_ATTRIBUTE.length).split(' ') ?? [];
  if (!serverId || !linkId || extra !== undefined) throw new Error('not a backbone link description (is the other comm server on the NATS backbone?)');
  return { serverId, linkId };
}

type ChannelListener = (event: { data: unknown }) => void;
const NO_DATA = { data: undefined };

class BackboneChannel implements DataChannelLike {
  readonly label: ChannelKind;
  readonly ordered: boolean;
  readonly maxRetransmits: number | null;
  readonly bufferedAmount = 0;
  bufferedAmountLowThreshold = 0;
  binaryType = 'arraybuffer';
  #state: 'connecting' | 'open' | 'closed' = 'connecting';
  readonly #connection: BackboneConnection;
  readonly #listeners = new Map<string, Set<ChannelListener>>();

  constructor(label: ChannelKind, connection: BackboneConnection) {
    this.label = label;
    this.ordered = label === RELIABLE;
    this.maxRetransmits = label === RELIABLE ? null : 0;
    this.#connection = connection;
  }

  get readyState(): string {
    return this.#state;
  }

  send(data: Uint8Array): void {
    if (this.#state !== 'open') throw new Error(`backbone channel ${this.label} is ${this.#state}`);
    this.#connection.sendFrame(this.label, data);
  }

  close(): void {
    this.#connection.close();
  }

  addEventListener(type: string, listener: (event: never) => void): void {
    let listeners = this.#listeners.get(type);
    if (!listeners) this.#listeners.set(type, (listeners = new Set()));
    listeners.add(listener as ChannelListener);
  }

  removeEventListener(type: string, listener: (...args: never[]) => void): void {
    this.#listeners.get(type)?.delete(listener as ChannelListener);
  }

  opened(): void {
    if (this.#state !== 'connecting') return;
    this.#state = 'open';
    this.#emit('open');
  }

  received(frame: Uint8Array): void {
    if (this.#state === 'open') this.#emit('message', { data: frame });
  }

  closed(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#emit('close');
  }

  #emit(type: string, event: { data: unknown } = NO_DATA): void {
    for (const listener of this.#listeners.get(type) ?? []) listener(event);
  }
}

export class BackboneConnection implements PeerConnectionLike {
  onicecandidate: PeerConnectionLike['onicecandidate'] = null;
  ondatachannel: PeerConnectionLike['ondatachannel'] = null;
  onconnectionstatechange: (() => void) | null = null;
  readonly iceConnectionState = 'new';
  #state: 'new' | 'connected' | 'closed' = 'new';
  readonly #links: BackboneLinks;
  readonly #channels = new Map<ChannelKind, BackboneChannel>();
  /** The offerer picks the link's id; the answerer learns it from the offer. */
  #linkId: string | undefined;
  #remoteServerId: string | undefined;
  #remoteDescription: SessionDescriptionInit | null = null;

  constructor(links: BackboneLinks) {
    this.#links = links;
  }

  get connectionState(): string {
    return this.#state;
  }

  get remoteDescription(): unknown {
    return this.#remoteDescription;
  }

  /** The other server's id, once its description (or its first frame) named it. */
  get remoteServerId(): string | undefined {
    return this.#remoteServerId;
  }

  createDataChannel(label: string): DataChannelLike {
    const kind = channelKindOf(label);
    if (kind === undefined || this.#channels.has(kind)) throw new Error(`a backbone link carries one ${RELIABLE} and one ${UNRELIABLE} channel`);
    const channel = new BackboneChannel(kind, this);
    this.#channels.set(kind, channel);
    return channel;
  }

  async createOffer(): Promise<SessionDescriptionInit> {
    this.#linkId = randomUUID();
    this.#links.register(this.#linkId, this);
    return { type: 'offer', sdp: backboneSdp(this.#links.serverId, this.#linkId) };
  }

  async createAnswer(): Promise<SessionDescriptionInit> {
    if (this.#linkId === undefined) throw new Error('no offer to answer');
    return { type: 'answer', sdp: backboneSdp(this.#links.serverId, this.#linkId) };
  }

  /** The answer leaves once set: from then on the offerer may hear from us. */
  async setLocalDescription(description: SessionDescriptionInit): Promise<void> {
    if (description.type === 'answer') this.#open();
  }

  async setRemoteDescription(description: SessionDescriptionInit): Promise<void> {
    const { serverId, linkId } = parseBackboneSdp(description.sdp);
    this.#remoteDescription = description;
    if (description.type === 'offer') {
      this.#linkId = linkId;
      this.#remoteServerId = serverId;
      this.#links.register(linkId, this);
      for (const kind of [RELIABLE, UNRELIABLE] as const) this.ondatachannel?.({ channel: this.createDataChannel(kind) });
      return;
    }
    if (linkId !== this.#linkId) throw new Error('the answer names another link');
    if (this.#remoteServerId !== undefined && serverId !== this.#remoteServerId) throw new Error('the answer names another server than its frames');
    this.#remoteServerId = serverId;
    this.#open();
  }

  async addIceCandidate(_candidate: IceCandidateInit): Promise<void> {
    // A backbone link has no candidates: NATS carries it.
  }

  /** A frame for this link from server `from`; the offerer may hear from the answerer before the answer comes through the coordinator. */
  received(from: string, channel: ChannelKind, frame: Uint8Array): void {
    if (this.#state === 'closed') return;
    if (this.#remoteServerId === undefined) this.#remoteServerId = from;
    else if (from !== this.#remoteServerId) return;
    this.#open();
    this.#channels.get(channel)?.received(frame);
  }

  /** The other side closed the link. */
  remoteClosed(from: string): void {
    if (from === this.#remoteServerId) this.#shut();
  }

  sendFrame(channel: ChannelKind, frame: Uint8Array): void {
    if (this.#remoteServerId === undefined || this.#linkId === undefined) return;
    this.#links.send(this.#remoteServerId, this.#linkId, channel, frame);
  }

  close(): void {
    if (this.#state === 'closed') return;
    if (this.#remoteServerId !== undefined && this.#linkId !== undefined) this.#links.sendClose(this.#remoteServerId, this.#linkId);
    this.#shut();
  }

  #open(): void {
    if (this.#state !== 'new' || this.#remoteServerId === undefined) return;
    this.#state = 'connected';
    this.onconnectionstatechange?.();
    for (const channel of this.#channels.values()) channel.opened();
  }

  #shut(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    if (this.#linkId !== undefined) this.#links.forget(this.#linkId);
    for (const channel of this.#channels.values()) channel.closed();
    this.onconnectionstatechange?.();
  }
}
