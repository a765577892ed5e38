// The WebSocket fallback: a connection's two channels over one WebSocket, so
// the rest of the code (writers, peers, sessions) runs unchanged. Both
// channels have reliable, ordered semantics; frames that arrive are delivered
// on the `reliable` one, and so are the socket's errors (a `ws` socket raises
// one for every protocol violation it reads: it must have a listener).
import { RELIABLE, type ChannelErrorEvent, type DataChannelLike } from './rtc.js';

/** What the browser's WebSocket and the `ws` package both offer. */
export interface MessageSocket {
  binaryType: string;
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
  addEventListener(type: 'error', listener: (event: ChannelErrorEvent) => void): void;
}

const OPEN = 1;
/** How often a congested socket's bufferedAmount is checked: WebSockets have no `bufferedamountlow` event. */
const DRAIN_POLL_MS = 5;

type Listener = (...args: never[]) => void;

class SocketChannel implements DataChannelLike {
  readonly label: string;
  readonly ordered = true;
  readonly maxRetransmits = null;
  bufferedAmountLowThreshold = 0;
  #socket: MessageSocket;
  #listeners = new Map<string, Set<Listener>>();
  #poll: ReturnType<typeof setTimeout> | undefined;

  constructor(socket: MessageSocket, label: string) {
    this.#socket = socket;
    this.label = label;
    socket.addEventListener('close', () => {
      clearTimeout(this.#poll);
      this.#emit('close');
    });
    if (label === RELIABLE) {
      socket.addEventListener('message', (event) => this.#emit('message', event));
      socket.addEventListener('error', (event) => this.#emit('error', event));
    }
  }

  get readyState(): string {
    return this.#socket.readyState === OPEN ? 'open' : this.#socket.readyState < OPEN ? 'connecting' : 'closed';
  }

  get bufferedAmount(): number {
    return this.#socket.bufferedAmount;
  }

  send(data: Uint8Array): void {
    this.#socket.send(data);
    if (this.#poll === undefined && this.#socket.bufferedAmount > this.bufferedAmountLowThreshold) this.#watchDrain();
  }

  close(): void {
    this.#socket.close(1000);
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.#listeners.get(type)?.delete(listener);
  }

  #watchDrain(): void {
    this.#poll = setTimeout(() => {
      this.#poll = undefined;
      if (this.readyState !== 'open') return;
      if (this.#socket.bufferedAmount > this.bufferedAmountLowThreshold) this.#watchDrain();
      else this.#emit('bufferedamountlow');
    }, DRAIN_POLL_MS);
  }

  #emit(type: string, ...args: unknown[]): void {
    for (const listener of this.#listeners.get(type) ?? []) (listener as (...values: unknown[]) => void)(...args);
  }
}

/** The `reliable` and `unreliable` channels of a connection carried by one open WebSocket. */
export function webSocketChannels(socket: MessageSocket): { reliable: DataChannelLike; unreliable: DataChannelLike } {
  socket.binaryType = 'arraybuffer';
  return { reliable: new SocketChannel(socket, RELIABLE), unreliable: new SocketChannel(socket, 'unreliable') };
}
