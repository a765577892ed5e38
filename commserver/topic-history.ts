// The recent numbered reliable messages of each topic (the `recover`
// extension), from which a re-homed subscriber gets what it missed. Bounded
// per topic by bytes and by age, and in all by bytes and by topic count; what
// falls out is remembered per publisher as the highest number dropped, so a
// reader behind it learns how many it missed instead of nothing.
import { MessageType, Topic, TopicFW, TopicIdentity, TopicIdentityFW, type Role } from '../shared/codec.js';
import { publisherKey } from '../shared/publisher-key.js';

export interface TopicHistoryOptions {
  /** Bytes of messages kept per topic. */
  maxBytesPerTopic: number;
  /** Messages older than this are dropped. */
  maxAgeMs: number;
  /** Bytes of messages kept over all topics; the least recently written topics give way first. */
  maxBytes: number;
  /** Topics remembered (messages or dropped numbers); the least recently written are forgotten. */
  maxTopics: number;
}

/** One message as the server received it: what a server link or a client needs to get it again. */
export interface HistoryEntry {
  kind: typeof MessageType.TOPIC | typeof MessageType.TOPIC_IDENTITY;
  topic: string;
  fromAlias: number;
  body: Uint8Array;
  identity: Uint8Array;
  role: Role;
  publisher: Uint8Array;
  seq: number;
  topicSeq: number;
}

interface Stored extends HistoryEntry {
  key: string;
  at: number;
  bytes: number;
}

interface TopicRecord {
  entries: Stored[];
  head: number;
  bytes: number;
  /** Publisher key -> the highest topic_seq dropped, with the publisher id. */
  dropped: Map<string, { publisher: Uint8Array; topicSeq: number }>;
}

export interface Position {
  publisher: Uint8Array;
  topicSeq: number;
}

/**
 * Messages from publishers the reader has not heard from are sent if they
 * arrived within its `sinceMs` and this much before: what it had not received
 * from its old server may have reached this one a little earlier.
 */
export const UNKNOWN_PUBLISHER_SLACK_MS = 1_000;
/** Bytes an entry is counted for beyond its body, identity and topic. */
const ENTRY_OVERHEAD = 96;

export class TopicHistory {
  readonly #options: TopicHistoryOptions;
  /** In order of last write: the first is the least recently written. */
  readonly #topics = new Map<string, TopicRecord>();
  #bytes = 0;

  constructor(options: TopicHistoryOptions) {
    this.#options = options;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get topicCount(): number {
    return this.#topics.size;
  }

  record(entry: HistoryEntry, now = Date.now()): void {
    if (this.#options.maxBytes <= 0) return;
    let record = this.#topics.get(entry.topic);
    if (record === undefined) {
      if (this.#topics.size >= this.#options.maxTopics) this.#forgetOldestTopic();
      record = { entries: [], head: 0, bytes: 0, dropped: new Map() };
    } else {
      this.#topics.delete(entry.topic);
    }
    this.#topics.set(entry.topic, record);
    const stored: Stored = {
      ...entry,
      // Copies: the received fields are views into a frame (or a whole BATCH) that must not be kept alive.
      body: entry.body.slice(),
      identity: entry.identity.slice(),
      publisher: entry.publisher.slice(),
      key: publisherKey(entry.publisher),
      at: now,
      bytes: ENTRY_OVERHEAD + entry.body.length + entry.identity.length + entry.topic.length,
    };
    record.entries.push(stored);
    record.bytes += stored.bytes;
    this.#bytes += stored.bytes;
    this.#trim(record, now);
    while (this.#bytes > this.#options.maxBytes) this.#dropOldestEverywhere();
  }

  /**
   * What a reader at `positions` missed on `topic`: from the publishers it
   * heard from, the messages after its position; from the others, those that
   * arrived within `sinceMs` (and the slack). Also the highest number dropped
   * per publisher, so the caller can count what is gone.
   */
  query(topic: string, positions: readonly Position[], sinceMs: number, now = Date.now()): { entries: HistoryEntry[]; dropped: Position[] } {
    const record = this.#topics.get(topic);
    if (record === undefined) return { entries: [], dropped: [] };
    this.#trim(record, now);
    const after = new Map(positions.map((position) => [publisherKey(position.publisher), position.topicSeq]));
    const since = now - sinceMs - UNKNOWN_PUBLISHER_SLACK_MS;
    const entries: HistoryEntry[] = [];
    for (let i = record.head; i < record.entries.length; i++) {
      const entry = record.entries[i];
      const position = after.get(entry.key);
      if (position === undefined ? entry.at >= since : entry.topicSeq > position) entries.push(entry);
    }
    const dropped = [...record.dropped.values()].filter(({ publisher }) => after.has(publisherKey(publisher)));
    return { entries, dropped };
  }

  /** Drops what is too old or over the topic's bytes. */
  #trim(record: TopicRecord, now: number): void {
    const oldest = now - this.#options.maxAgeMs;
    while (record.head < record.entries.length) {
      const first = record.entries[record.head];
      if (first.at >= oldest && record.bytes <= this.#options.maxBytesPerTopic) break;
      this.#dropFirst(record);
    }
  }

  #dropFirst(record: TopicRecord): void {
    const entry = record.entries[record.head];
    record.entries[record.head++] = undefined as unknown as Stored;
    record.bytes -= entry.bytes;
    this.#bytes -= entry.bytes;
    const dropped = record.dropped.get(entry.key);
    if (dropped === undefined || dropped.topicSeq < entry.topicSeq) {
      record.dropped.set(entry.key, { publisher: entry.publisher, topicSeq: entry.topicSeq });
    }
    if (record.head === record.entries.length) {
      record.entries = [];
      record.head = 0;
    } else if (record.head > 256 && record.head * 2 > record.entries.length) {
      record.entries = record.entries.slice(record.head);
      record.head = 0;
    }
  }

  #dropOldestEverywhere(): void {
    for (const record of this.#topics.values()) {
      if (record.head < record.entries.length) {
        this.#dropFirst(record);
        return;
      }
    }
  }

  #forgetOldestTopic(): void {
    const [topic, record] = this.#topics.entries().next().value!;
    this.#bytes -= record.bytes;
    this.#topics.delete(topic);
  }
}

/** A history entry as a server sends it on a link (TOPIC or TOPIC_IDENTITY, numbered). */
export function serverFrame(entry: HistoryEntry): Uint8Array {
  const { topic, fromAlias, body, publisher, seq, topicSeq } = entry;
  return entry.kind === MessageType.TOPIC
    ? Topic.encode({ type: MessageType.TOPIC, fromAlias, topic, body, publisher, seq, topicSeq })
    : TopicIdentity.encode({
      type: MessageType.TOPIC_IDENTITY, fromAlias, topic, body, identity: entry.identity, role: entry.role, publisher, seq, topicSeq,
    });
}

/** A history entry as a client receives it (TOPIC_FW or TOPIC_IDENTITY_FW, with its publisher and topic_seq). */
export function clientFrame(entry: HistoryEntry): Uint8Array {
  const { topic, fromAlias, body, publisher, topicSeq } = entry;
  return entry.kind === MessageType.TOPIC
    ? TopicFW.encode({ type: MessageType.TOPIC_FW, fromAlias, topic, body, publisher, topicSeq })
    : TopicIdentityFW.encode({
      type: MessageType.TOPIC_IDENTITY_FW, fromAlias, topic, body, identity: entry.identity, role: entry.role, publisher, topicSeq,
    });
}

/** A server frame from a HISTORY reply back to an entry; undefined if it is not a numbered TOPIC or TOPIC_IDENTITY. */
export function entryOf(frame: Uint8Array): HistoryEntry | undefined {
  if (frame[0] !== 0x08) return undefined;
  if (frame[1] === MessageType.TOPIC) {
    const { topic, fromAlias, body, publisher, seq, topicSeq } = Topic.decode(frame);
    return topicSeq > 0 ? { kind: MessageType.TOPIC, topic, fromAlias, body, identity: new Uint8Array(0), role: 0 as Role, publisher, seq, topicSeq } : undefined;
  }
  if (frame[1] === MessageType.TOPIC_IDENTITY) {
    const { topic, fromAlias, body, identity, role, publisher, seq, topicSeq } = TopicIdentity.decode(frame);
    return topicSeq > 0 ? { kind: MessageType.TOPIC_IDENTITY, topic, fromAlias, body, identity, role, publisher, seq, topicSeq } : undefined;
  }
  return undefined;
}
