// Connected data-channel pairs for the werift tests and benchmark: werift or
// libwebrtc (@roamhq/wrtc) on either side, signalling and trickled ICE
// candidates exchanged in-process, all traffic on 127.0.0.1.
import wrtc from '@roamhq/wrtc';
import { performance } from 'node:perf_hooks';
import {
  RTCPeerConnection as WeriftPeerConnection,
  type RTCDataChannel as WeriftDataChannel,
} from '#werift';
import { LOOPBACK, createLoopbackPeerConnection } from '../helpers/loopback.js';

export type PeerKind = 'werift' | 'wrtc';

export interface ChannelOptions {
  ordered?: boolean;
  maxRetransmits?: number;
  maxPacketLifeTime?: number;
}

/** The part of a data channel the tests use, the same for both stacks. */
export interface Channel {
  readonly label: string;
  readonly ordered: boolean;
  readonly maxRetransmits: number | null;
  readonly bufferedAmount: number;
  /** Bytes the stack may buffer before it fails the channel, if limited. */
  readonly sendBufferLimit: number | undefined;
  send(data: Buffer): void;
  onMessage(listener: (data: Buffer) => void): void;
}

/** One channel as seen from each end. */
export interface ChannelEnds {
  readonly offerer: Channel;
  readonly answerer: Channel;
}

export interface ConnectedPair {
  readonly channels: Map<string, ChannelEnds>;
  /** Each side's werift peer connection; undefined on a libwebrtc side. */
  readonly offererPc: WeriftPeerConnection | undefined;
  readonly answererPc: WeriftPeerConnection | undefined;
  close(): Promise<void>;
}

/** werift bound to loopback IPv4 only, with no STUN server. */
export function createWeriftPeerConnection(): WeriftPeerConnection {
  return createLoopbackPeerConnection();
}

interface SignallingCandidate {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
}

interface Side {
  readonly kind: PeerKind;
  readonly werift: WeriftPeerConnection | undefined;
  createChannel(label: string, options: ChannelOptions): Promise<Channel>;
  remoteChannels(labels: string[]): Promise<Map<string, Channel>>;
  onCandidate(listener: (candidate: SignallingCandidate) => void): void;
  addCandidate(candidate: SignallingCandidate): Promise<void>;
  createOffer(): Promise<{ type: 'offer'; sdp: string }>;
  createAnswer(): Promise<{ type: 'answer'; sdp: string }>;
  setRemote(description: { type: 'offer' | 'answer'; sdp: string }): Promise<void>;
  close(): Promise<void>;
}

type ChannelState = Pick<Channel, 'label' | 'ordered' | 'maxRetransmits' | 'bufferedAmount'>;

/** A Channel whose state getters read `dc` live (both stacks name them alike). */
function channel(dc: ChannelState, io: Omit<Channel, keyof ChannelState>): Channel {
  return {
    label: dc.label,
    get ordered() {
      return dc.ordered;
    },
    get maxRetransmits() {
      return dc.maxRetransmits;
    },
    get bufferedAmount() {
      return dc.bufferedAmount;
    },
    ...io,
  };
}

function weriftChannel(dc: WeriftDataChannel): Channel {
  return channel(dc, {
    sendBufferLimit: undefined,
    send: (data) => dc.send(data),
    onMessage: (listener) => {
      dc.onMessage.subscribe((data) => listener(typeof data === 'string' ? Buffer.from(data) : data));
    },
  });
}

function weriftOpen(dc: WeriftDataChannel): Promise<Channel> {
  if (dc.readyState === 'open') return Promise.resolve(weriftChannel(dc));
  return new Promise((resolve, reject) => {
    const { unSubscribe } = dc.stateChanged.subscribe((state) => {
      if (state === 'open') {
        unSubscribe();
        resolve(weriftChannel(dc));
      } else if (state === 'closed') {
        unSubscribe();
        reject(new Error(`channel ${dc.label} closed before opening`));
      }
    });
  });
}

interface DescriptionMaker<Description> {
  createOffer(): Promise<Description>;
  createAnswer(): Promise<Description>;
  setLocalDescription(description: Description): Promise<unknown>;
  readonly localDescription: { readonly sdp: string } | null | undefined;
}

/** A side's offer and answer: each is set as `pc`'s local description first. */
function localDescriptions<Description>(pc: DescriptionMaker<Description>): Pick<Side, 'createOffer' | 'createAnswer'> {
  return {
    createOffer: async () => {
      await pc.setLocalDescription(await pc.createOffer());
      return { type: 'offer', sdp: pc.localDescription!.sdp };
    },
    createAnswer: async () => {
      await pc.setLocalDescription(await pc.createAnswer());
      return { type: 'answer', sdp: pc.localDescription!.sdp };
    },
  };
}

function weriftSide(): Side {
  const pc = createWeriftPeerConnection();
  return {
    kind: 'werift',
    werift: pc,
    createChannel: (label, options) => weriftOpen(pc.createDataChannel(label, options)),
    remoteChannels: (labels) =>
      new Promise((resolve) => {
        const opened = new Map<string, Channel>();
        pc.onDataChannel.subscribe(async (dc) => {
          opened.set(dc.label, await weriftOpen(dc));
          if (labels.every((label) => opened.has(label))) resolve(opened);
        });
      }),
    onCandidate: (listener) => {
      pc.onIceCandidate.subscribe((candidate) => {
        // The ICE agent also lists the machine's other addresses, although
        // its socket is bound to loopback: only loopback is reachable.
        if (candidate?.candidate.includes(` ${LOOPBACK} `)) listener(candidate.toJSON());
      });
    },
    addCandidate: (candidate) => pc.addIceCandidate(candidate),
    ...localDescriptions(pc),
    setRemote: async (description) => {
      await pc.setRemoteDescription(description);
    },
    close: () => pc.close(),
  };
}

function wrtcChannel(dc: RTCDataChannel): Channel {
  dc.binaryType = 'arraybuffer';
  return channel(dc, {
    // libwebrtc closes a channel whose send buffer would pass 16 MiB.
    sendBufferLimit: 16 * 1024 * 1024,
    send: (data) => dc.send(new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength)),
    onMessage: (listener) => {
      dc.addEventListener('message', (event: MessageEvent<ArrayBuffer | string>) =>
        listener(typeof event.data === 'string' ? Buffer.from(event.data) : Buffer.from(event.data)),
      );
    },
  });
}

function wrtcOpen(dc: RTCDataChannel): Promise<Channel> {
  if (dc.readyState === 'open') return Promise.resolve(wrtcChannel(dc));
  return new Promise((resolve, reject) => {
    dc.addEventListener('open', () => resolve(wrtcChannel(dc)), { once: true });
    dc.addEventListener('close', () => reject(new Error(`channel ${dc.label} closed before opening`)), {
      once: true,
    });
  });
}

function wrtcSide(): Side {
  const pc: RTCPeerConnection = new wrtc.RTCPeerConnection({ iceServers: [] });
  return {
    kind: 'wrtc',
    werift: undefined,
    createChannel: (label, options) => wrtcOpen(pc.createDataChannel(label, options)),
    remoteChannels: (labels) =>
      new Promise((resolve) => {
        const opened = new Map<string, Channel>();
        pc.addEventListener('datachannel', async (event: RTCDataChannelEvent) => {
          opened.set(event.channel.label, await wrtcOpen(event.channel));
          if (labels.every((label) => opened.has(label))) resolve(opened);
        });
      }),
    onCandidate: (listener) => {
      pc.addEventListener('icecandidate', (event: RTCPeerConnectionIceEvent) => {
        if (event.candidate?.candidate) listener(event.candidate.toJSON() as SignallingCandidate);
      });
    },
    addCandidate: (candidate) => pc.addIceCandidate(candidate),
    ...localDescriptions<RTCSessionDescriptionInit>(pc),
    setRemote: (description) => pc.setRemoteDescription(description),
    close: async () => pc.close(),
  };
}

function createSide(kind: PeerKind): Side {
  return kind === 'werift' ? weriftSide() : wrtcSide();
}

/** Candidates that arrive before the remote description is set wait for it. */
function candidateSink(side: Side): { add(candidate: SignallingCandidate): void; ready(): Promise<void> } {
  let pending: SignallingCandidate[] | undefined = [];
  let failure: unknown;
  const add = (candidate: SignallingCandidate): void => {
    side.addCandidate(candidate).catch((error: unknown) => (failure ??= error));
  };
  return {
    add: (candidate) => (pending ? pending.push(candidate) : add(candidate)),
    ready: async () => {
      const queued = pending ?? [];
      pending = undefined;
      queued.forEach(add);
      if (failure) throw failure;
    },
  };
}

/**
 * Connects an offerer and an answerer and opens the given channels (created
 * by the offerer). Resolves when every channel is open on both sides.
 * `beforeHandshake` sees a werift offerer's peer connection (and a werift
 * answerer's) before any packet is sent.
 */
export async function connectPair(
  offererKind: PeerKind,
  answererKind: PeerKind,
  channels: Record<string, ChannelOptions>,
  beforeHandshake?: (offerer: WeriftPeerConnection, answerer: WeriftPeerConnection | undefined) => void,
): Promise<ConnectedPair> {
  const offerer = createSide(offererKind);
  const answerer = createSide(answererKind);
  const close = async (): Promise<void> => {
    await Promise.all([offerer.close(), answerer.close()]);
  };
  try {
    const toAnswerer = candidateSink(answerer);
    const toOfferer = candidateSink(offerer);
    offerer.onCandidate((candidate) => toAnswerer.add(candidate));
    answerer.onCandidate((candidate) => toOfferer.add(candidate));

    const labels = Object.keys(channels);
    const remote = answerer.remoteChannels(labels);
    const local = Promise.all(labels.map((label) => offerer.createChannel(label, channels[label]!)));
    if (offerer.werift) beforeHandshake?.(offerer.werift, answerer.werift);

    await answerer.setRemote(await offerer.createOffer());
    await toAnswerer.ready();
    await offerer.setRemote(await answerer.createAnswer());
    await toOfferer.ready();

    const [localChannels, remoteChannels] = await Promise.all([local, remote]);
    const ends = new Map<string, ChannelEnds>();
    labels.forEach((label, index) =>
      ends.set(label, { offerer: localChannels[index]!, answerer: remoteChannels.get(label)! }),
    );
    return {
      channels: ends,
      offererPc: offerer.werift,
      answererPc: answerer.werift,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Message `seq` of a sequenced run: `size` bytes, `seq` in the first four. */
export function sequencedMessage(seq: number, size: number): Buffer {
  const message = Buffer.alloc(size);
  message.writeUInt32BE(seq, 0);
  return message;
}

/**
 * Queues `count` sequenced messages at once (a tight loop of send). A stack
 * with a send-buffer limit (libwebrtc) keeps at most half of it unreceived,
 * paced by the receiver's progress: @roamhq/wrtc has no bufferedamountlow.
 */
export async function sendSequenced(
  channel: Channel,
  count: number,
  size: number,
  receipt: SequencedReceipt,
): Promise<void> {
  const limit = channel.sendBufferLimit;
  const window = limit === undefined ? count : Math.floor(limit / 2 / size);
  for (let seq = 0; seq < count; seq++) {
    if (seq - receipt.received >= window) await receipt.reached(seq - Math.floor(window / 2));
    channel.send(sequencedMessage(seq, size));
  }
}

export interface SequencedReceipt {
  /** Messages received so far. */
  readonly received: number;
  /** Messages whose sequence number was not the previous one plus one. */
  readonly outOfOrder: number;
  /** Resolves once `count` messages have been received. */
  reached(count: number): Promise<void>;
}

export function receiveSequenced(channel: Channel): SequencedReceipt {
  let received = 0;
  let outOfOrder = 0;
  let previous = -1;
  const waiters: { count: number; resolve: () => void }[] = [];
  channel.onMessage((data) => {
    const seq = data.readUInt32BE(0);
    if (seq !== previous + 1) outOfOrder++;
    previous = seq;
    received++;
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (received >= waiters[i]!.count) waiters.splice(i, 1)[0]!.resolve();
    }
  });
  return {
    get received() {
      return received;
    },
    get outOfOrder() {
      return outOfOrder;
    },
    reached: (count) =>
      received >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
  };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface IceConnectionInternals {
  send(data: Buffer): Promise<void>;
}

/**
 * Fault injection: from now on, drops each UDP datagram the werift peer
 * connection sends on its ICE connection with probability `rate`. Returns a
 * counter of the datagrams dropped.
 */
export function dropOutgoingPackets(pc: WeriftPeerConnection, rate: number, seed: number): { dropped: number } {
  const connection = pc.sctpTransport!.dtlsTransport.iceTransport.connection as unknown as IceConnectionInternals;
  const send = connection.send.bind(connection);
  const random = seededRandom(seed);
  const counter = { dropped: 0 };
  connection.send = async (data) => {
    if (random() < rate) {
      counter.dropped++;
      return;
    }
    await send(data);
  };
  return counter;
}

/**
 * Fault injection: drops every UDP datagram the werift peer connection sends
 * on its ICE connection until `restore()`.
 */
export function cutOutgoingPath(pc: WeriftPeerConnection): { restore(): void } {
  const connection = pc.sctpTransport!.dtlsTransport.iceTransport.connection as unknown as IceConnectionInternals;
  const send = connection.send.bind(connection);
  let down = true;
  connection.send = async (data) => {
    if (!down) await send(data);
  };
  return {
    restore: () => {
      down = false;
    },
  };
}

export interface RetransmissionTimerExpiry {
  /** The RTO (seconds) the timer ran with, and the one it left. */
  readonly rtoBefore: number;
  readonly rtoAfter: number;
  /** performance.now() when it expired. */
  readonly at: number;
}

interface RetransmissionTimerInternals {
  rto: number;
  timer3Expired: () => void;
}

/**
 * Records the next `count` expiries of the werift association's
 * retransmission timer (T3); `done` resolves after the last one was handled.
 */
export function recordT3Expiries(pc: WeriftPeerConnection, count: number): { expiries: RetransmissionTimerExpiry[]; done: Promise<void> } {
  const association = pc.sctpTransport!.sctp as unknown as RetransmissionTimerInternals;
  const expiries: RetransmissionTimerExpiry[] = [];
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const timer3Expired = association.timer3Expired;
  association.timer3Expired = () => {
    const rtoBefore = association.rto;
    timer3Expired();
    expiries.push({ rtoBefore, rtoAfter: association.rto, at: performance.now() });
    if (expiries.length === count) finished();
  };
  return { expiries, done };
}

/** SCTP chunk type numbers (RFC 9260, RFC 3758). */
export const CHUNK_DATA = 0;
export const CHUNK_SACK = 3;
export const CHUNK_FORWARD_TSN = 192;
export const DATA_FLAG_UNORDERED = 0x04;

export interface SctpChunk {
  readonly type: number;
  flags: number;
  tsn: number;
}

/** The members of werift's SCTP association class the tests drive. */
export interface SctpAssociation {
  sendChunk(chunk: SctpChunk): Promise<void>;
  /** broker-fix(bundle): DATA and FORWARD-TSN chunks, packed into as few packets as fit. */
  sendBundle(chunks: SctpChunk[]): Promise<unknown>;
}

export function sctpAssociation(pc: WeriftPeerConnection): SctpAssociation {
  return pc.sctpTransport!.sctp as unknown as SctpAssociation;
}

interface PacketReceiver {
  handleData(data: Buffer): Promise<void>;
}

/** Counts the SCTP packets a werift association receives (those `filter` accepts, if given). */
export function countReceivedPackets(pc: WeriftPeerConnection, filter?: (packet: Buffer) => boolean): { count: number } {
  const counter = { count: 0 };
  const association = sctpAssociation(pc) as unknown as PacketReceiver;
  const handleData = association.handleData.bind(association);
  association.handleData = (data) => {
    if (!filter || filter(data)) counter.count++;
    return handleData(data);
  };
  return counter;
}

/**
 * Calls `observer` with every SCTP chunk the peer connection sends: control
 * chunks go out one per packet (`sendChunk`), DATA and FORWARD-TSN chunks in
 * bundles (`sendBundle`, broker-fix bundle).
 */
export function observeSentChunks(pc: WeriftPeerConnection, observer: (chunk: SctpChunk) => void): void {
  const association = sctpAssociation(pc);
  const sendChunk = association.sendChunk.bind(association);
  association.sendChunk = (chunk) => {
    observer(chunk);
    return sendChunk(chunk);
  };
  const sendBundle = association.sendBundle.bind(association);
  association.sendBundle = (chunks) => {
    for (const chunk of chunks) observer(chunk);
    return sendBundle(chunks);
  };
}
