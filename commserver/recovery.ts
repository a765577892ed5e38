// Subscriber recovery (the `recover` extension, docs/PROTOCOL.md). A client
// that re-homed asks for what it missed on a topic (RECOVER). This server
// asks every linked server that understands `recover`, and was heard from
// lately, for its history of the topic (HISTORY), after telling them its
// interest, so that whatever they recorded before reaches it in the reply and
// whatever after, live. Once all replied (or the timeout passed), the union
// with its own history, without copies, goes to the client in RECOVERED
// messages, the last of which says per publisher how far the servers know its
// numbers, so that the client can count what no history holds any more.
import {
  History, MessageType, RECOVER_EXTENSION, Recovered, type HistoryMessage, type RecoverMessage, type RecoverPosition,
} from '../shared/codec.js';
import { publisherKey } from '../shared/publisher-key.js';
import type { Peer } from './peer.js';
import {
  clientFrame, entryOf, serverFrame, type HistoryEntry, type Position, type TopicHistory,
} from './topic-history.js';

export interface RecoveryOptions {
  history: TopicHistory;
  /** The authenticated server links that can answer: not those silent for a while (likely dead, not timed out yet). */
  answeringServers: () => Iterable<Peer>;
  /** Sends the current interest to the links now (it normally waits for the end of the event-loop turn). */
  flushInterest: () => void;
  /** How long replies from other servers are awaited. */
  timeoutMs: number;
  /** Recoveries waiting for other servers at most; beyond, a request is answered from this server's history alone. */
  maxPending: number;
}

interface Pending {
  client: Peer;
  topic: string;
  positions: RecoverPosition[];
  sinceMs: number;
  waiting: Set<Peer>;
  entries: HistoryEntry[];
  dropped: RecoverPosition[];
  timer: ReturnType<typeof setTimeout>;
}

/** Bytes of frames per RECOVERED or HISTORY message, well inside a data channel message. */
const CHUNK_BYTES = 16 * 1024;

export class Recovery {
  readonly #options: RecoveryOptions;
  readonly #pending = new Map<number, Pending>();
  #nextRequest = 1;

  constructor(options: RecoveryOptions) {
    this.#options = options;
  }

  /** A client's RECOVER; another for a topic whose answer is under way is ignored. */
  recover(client: Peer, { topic, positions, sinceMs }: RecoverMessage): void {
    for (const pending of this.#pending.values()) if (pending.client === client && pending.topic === topic) return;
    const links = [...this.#options.answeringServers()].filter((link) => link.extensions.has(RECOVER_EXTENSION));
    if (links.length === 0 || this.#pending.size >= this.#options.maxPending) {
      this.#answer(client, topic, positions, sinceMs, [], []);
      return;
    }
    this.#options.flushInterest();
    const requestId = this.#nextRequest++;
    const request = History.encode({ type: MessageType.HISTORY, requestId, topic, positions, sinceMs });
    for (const link of links) link.send('reliable', request);
    this.#pending.set(requestId, {
      client, topic, positions, sinceMs, waiting: new Set(links), entries: [], dropped: [],
      timer: setTimeout(() => this.#finish(requestId), this.#options.timeoutMs),
    });
  }

  /** A linked server's HISTORY: a request to answer from our history, or part of a reply. */
  history(link: Peer, message: HistoryMessage): void {
    if (!message.reply) {
      const { entries, dropped } = this.#options.history.query(message.topic, message.positions, message.sinceMs);
      sendInChunks(link, entries.map(serverFrame), (frames, last) => History.encode({
        type: MessageType.HISTORY, requestId: message.requestId, topic: message.topic, reply: true, frames, last,
        ...(last ? { evicted: dropped } : {}),
      }));
      return;
    }
    const pending = this.#pending.get(message.requestId);
    if (pending === undefined || !pending.waiting.has(link)) return;
    for (const frame of message.frames) {
      const entry = entryOf(frame);
      if (entry !== undefined && entry.topic === pending.topic) pending.entries.push(entry);
    }
    pending.dropped.push(...message.evicted);
    if (message.last) {
      pending.waiting.delete(link);
      if (pending.waiting.size === 0) this.#finish(message.requestId);
    }
  }

  /** A peer left: a link no longer awaited, a client's recoveries dropped. */
  forget(peer: Peer): void {
    for (const [requestId, pending] of this.#pending) {
      if (pending.client === peer) {
        clearTimeout(pending.timer);
        this.#pending.delete(requestId);
      } else if (pending.waiting.delete(peer) && pending.waiting.size === 0) {
        this.#finish(requestId);
      }
    }
  }

  stop(): void {
    for (const pending of this.#pending.values()) clearTimeout(pending.timer);
    this.#pending.clear();
  }

  #finish(requestId: number): void {
    const pending = this.#pending.get(requestId);
    if (pending === undefined) return;
    clearTimeout(pending.timer);
    this.#pending.delete(requestId);
    this.#answer(pending.client, pending.topic, pending.positions, pending.sinceMs, pending.entries, pending.dropped);
  }

  #answer(client: Peer, topic: string, positions: RecoverPosition[], sinceMs: number, remote: HistoryEntry[], remoteDropped: Position[]): void {
    if (client.closed) return;
    const local = this.#options.history.query(topic, positions, sinceMs);
    const entries = ordered([...local.entries, ...remote]);
    const highest = highestKnown(positions, entries, [...local.dropped, ...remoteDropped]);
    sendInChunks(client, entries.map(clientFrame), (frames, last) => Recovered.encode({
      type: MessageType.RECOVERED, topic, frames, last, ...(last ? { highest } : {}),
    }));
  }
}

/** Without copies, each publisher's messages in their order, publishers in the order they first appear. */
function ordered(entries: HistoryEntry[]): HistoryEntry[] {
  const byPublisher = new Map<string, Map<number, HistoryEntry>>();
  for (const entry of entries) {
    const key = publisherKey(entry.publisher);
    let own = byPublisher.get(key);
    if (own === undefined) byPublisher.set(key, (own = new Map()));
    if (!own.has(entry.topicSeq)) own.set(entry.topicSeq, entry);
  }
  return [...byPublisher.values()].flatMap((own) => [...own.values()].sort((a, b) => a.topicSeq - b.topicSeq));
}

/** Per publisher the reader named, the highest number known past its position: sent now, or gone from every history. */
function highestKnown(positions: readonly Position[], entries: readonly HistoryEntry[], dropped: readonly Position[]): Position[] {
  const after = new Map(positions.map((position) => [publisherKey(position.publisher), position]));
  const highest = new Map<string, Position>();
  for (const known of [...entries, ...dropped]) {
    const key = publisherKey(known.publisher);
    const position = after.get(key);
    if (position === undefined || known.topicSeq <= Math.max(position.topicSeq, highest.get(key)?.topicSeq ?? 0)) continue;
    highest.set(key, { publisher: position.publisher, topicSeq: known.topicSeq });
  }
  return [...highest.values()];
}

/** Sends `frames` in messages of at most CHUNK_BYTES of frames (at least one message, the last marked). */
function sendInChunks(peer: Peer, frames: Uint8Array[], encode: (frames: Uint8Array[], last: boolean) => Uint8Array): void {
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < frames.length; i++) {
    if (bytes > 0 && bytes + frames[i].length > CHUNK_BYTES) {
      peer.send('reliable', encode(frames.slice(start, i), false));
      start = i;
      bytes = 0;
    }
    bytes += frames[i].length + 4;
  }
  peer.send('reliable', encode(frames.slice(start), true));
}
