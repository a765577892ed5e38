// Acknowledged reliable delivery (the `ack` extension, docs/PROTOCOL.md).
//
// A client numbers its reliable messages; this server tells it, with one
// cumulative ACK, up to which number they are safe: forwarded to every local
// subscriber and received by every linked server that understands `ack`.
// Until then the client keeps them, and sends them again through another
// server if this one dies.
//
// Between servers, each side counts the reliable frames it received on the
// link and acknowledges the count; each side counts what it sent. Once per
// window the server takes a checkpoint: the latest number of each client
// heard from in the window, and what every link had been sent by then. A
// checkpoint completes, and its clients get their ACKs, when every link has
// acknowledged its count (or is gone). Checkpoints complete in order. On the
// NATS backbone a client's messages leave for the other servers on NATS,
// not on the links: a checkpoint also waits until NATS has everything
// published before it.
import { Ack, ACK_EXTENSION, MessageType } from '../shared/codec.js';
import type { Peer } from './peer.js';

export interface AcknowledgementsOptions {
  /** The checkpoint interval: at most one ACK per peer per window. */
  windowMs: number;
  /** The live, authenticated server links. */
  linkedServers: () => Iterable<Peer>;
  /** On the NATS backbone: resolves once NATS has everything published so far. */
  backboneFlushed?: () => Promise<void>;
}

interface Checkpoint {
  /** Client -> highest sequence number it sent up to the checkpoint. */
  clients: Map<Peer, number>;
  /** Link -> reliable frames it had been sent at the checkpoint. */
  links: Map<Peer, number>;
  /** NATS has what was published up to the checkpoint (always, without the backbone). */
  flushed: boolean;
}

export class Acknowledgements {
  readonly #options: AcknowledgementsOptions;
  /** Clients heard from since the last checkpoint, with their latest sequence number. */
  #pending = new Map<Peer, number>();
  readonly #checkpoints: Checkpoint[] = [];
  /** Link -> reliable frames the other server acknowledged. */
  readonly #acknowledgedBy = new Map<Peer, number>();
  /** Link -> the count we last acknowledged to it. */
  readonly #acknowledgedTo = new Map<Peer, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: AcknowledgementsOptions) {
    this.#options = options;
  }

  /** A client's numbered reliable message was forwarded. */
  forwarded(client: Peer, seq: number): void {
    if (seq > (this.#pending.get(client) ?? 0)) this.#pending.set(client, seq);
    this.#schedule();
  }

  /** A link carried a reliable frame to us: it gets an ACK at the next checkpoint. */
  receivedFromLink(): void {
    this.#schedule();
  }

  /** A linked server acknowledged `count` reliable frames. */
  acknowledgedByLink(link: Peer, count: number): void {
    if (count > (this.#acknowledgedBy.get(link) ?? 0)) this.#acknowledgedBy.set(link, count);
    this.#complete();
  }

  forget(peer: Peer): void {
    this.#pending.delete(peer);
    this.#acknowledgedBy.delete(peer);
    this.#acknowledgedTo.delete(peer);
    for (const checkpoint of this.#checkpoints) {
      checkpoint.clients.delete(peer);
      checkpoint.links.delete(peer);
    }
    this.#complete();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => this.#checkpoint(), this.#options.windowMs);
    this.#timer.unref?.();
  }

  #checkpoint(): void {
    this.#timer = undefined;
    const links = new Map<Peer, number>();
    for (const link of this.#options.linkedServers()) {
      if (!link.extensions.has(ACK_EXTENSION)) continue;
      this.#acknowledgeLink(link);
      const sent = link.reliableFramesSent;
      if (sent > (this.#acknowledgedBy.get(link) ?? 0)) links.set(link, sent);
    }
    if (this.#pending.size > 0) {
      const checkpoint: Checkpoint = { clients: this.#pending, links, flushed: this.#options.backboneFlushed === undefined };
      // A flush that fails (NATS closed) leaves the checkpoint waiting: its clients send those messages again elsewhere.
      this.#options.backboneFlushed?.().then(() => {
        checkpoint.flushed = true;
        this.#complete();
      }, () => undefined);
      this.#checkpoints.push(checkpoint);
      this.#pending = new Map();
    }
    this.#complete();
    if (this.#checkpoints.length > 0) this.#schedule();
  }

  #acknowledgeLink(link: Peer): void {
    const received = link.reliableFramesReceived;
    if (received === (this.#acknowledgedTo.get(link) ?? 0)) return;
    this.#acknowledgedTo.set(link, received);
    link.send('reliable', Ack.encode({ type: MessageType.ACK, seq: received }));
  }

  #complete(): void {
    while (this.#checkpoints.length > 0) {
      const checkpoint = this.#checkpoints[0];
      if (!checkpoint.flushed) return;
      for (const [link, needed] of checkpoint.links) {
        if ((this.#acknowledgedBy.get(link) ?? 0) < needed) return;
      }
      this.#checkpoints.shift();
      for (const [client, seq] of checkpoint.clients) {
        client.send('reliable', Ack.encode({ type: MessageType.ACK, seq }));
      }
    }
  }
}
