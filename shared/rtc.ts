// The RTCPeerConnection seam. Our code talks to this structural subset of the
// W3C API, which werift (Node), @roamhq/wrtc (libwebrtc) and browsers all
// offer; the implementation is injected as a factory.

export interface SessionDescriptionInit { type: 'offer' | 'answer' | 'pranswer' | 'rollback'; sdp?: string }

export interface IceCandidateInit {
  candidate?: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
  usernameFragment?: string | null;
}

export interface IceServer { urls: string | string[]; username?: string; credential?: string }

export interface DataChannelLike {
  readonly label: string;
  readonly ordered: boolean;
  readonly maxRetransmits: number | null;
  readonly readyState: string;
  readonly bufferedAmount: number;
  bufferedAmountLowThreshold: number;
  binaryType?: string;
  send(data: Uint8Array): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'bufferedamountlow', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** The channel failed (a browser's RTCErrorEvent; the WebSocket fallback's protocol errors); `close` follows. */
  addEventListener(type: 'error', listener: (event: ChannelErrorEvent) => void): void;
  removeEventListener(type: string, listener: (...args: never[]) => void): void;
}

/** What an `error` event of a channel carries, whichever implementation raised it. */
export interface ChannelErrorEvent {
  error?: unknown;
  message?: string;
}

/** One line saying why a channel failed: the error's message and, where it has one, its code. */
export function channelErrorDetail(event: ChannelErrorEvent): string {
  const error = event.error as (Error & { code?: unknown }) | undefined;
  const message = error?.message || event.message || 'channel error';
  return typeof error?.code === 'string' ? `${message} (${error.code})` : message;
}

export interface PeerConnectionLike {
  readonly connectionState: string;
  readonly iceConnectionState: string;
  readonly remoteDescription: unknown;
  createDataChannel(label: string, options?: { ordered?: boolean; maxRetransmits?: number }): DataChannelLike;
  createOffer(): Promise<SessionDescriptionInit>;
  createAnswer(): Promise<SessionDescriptionInit>;
  setLocalDescription(description: SessionDescriptionInit): Promise<unknown>;
  setRemoteDescription(description: SessionDescriptionInit): Promise<unknown>;
  addIceCandidate(candidate: IceCandidateInit): Promise<unknown>;
  close(): unknown;
  onicecandidate: ((event: { candidate: { toJSON(): IceCandidateInit } | null | undefined }) => void) | null;
  ondatachannel: ((event: { channel: DataChannelLike }) => void) | null;
  onconnectionstatechange: (() => void) | null;
}

export interface RtcConfig {
  iceServers: IceServer[];
  /** UDP port range for host candidates (werift only). */
  portRange?: [number, number];
}

export type RtcFactory = (config: RtcConfig) => PeerConnectionLike;

/** The data channels every broker connection carries (docs/PROTOCOL.md). */
export const RELIABLE = 'reliable';
export const UNRELIABLE = 'unreliable';
export type ChannelKind = typeof RELIABLE | typeof UNRELIABLE;

/** Which of the two channels a label names, if either. */
export function channelKindOf(label: string): ChannelKind | undefined {
  return label === RELIABLE || label === UNRELIABLE ? label : undefined;
}
export const unreliableChannelOptions = { ordered: false, maxRetransmits: 0 } as const;

/** A received data channel message as bytes, whatever the implementation delivered. */
export function messageBytes(data: unknown): Uint8Array | undefined {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}
