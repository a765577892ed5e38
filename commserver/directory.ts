// The directory (the `direct` extension, docs/PROTOCOL.md): which client is
// where, by alias and identity, so that a direct message goes to the right
// server. This server's own clients that announced `direct` are its entries
// (added on admission, removed when they leave); each linked server that
// announced `direct` sends its own, in full when the link comes up, then as
// coalesced changes (DIRECTORY), and its entries go with its link. A client
// that re-homed is a new alias on another server, its identity the same. All
// work happens on admission, peers leaving, DIRECTORY frames and the
// interval timer.
import { Directory as DirectoryFrame, MessageType, type DirectoryMessage } from '../shared/codec.js';
import { DirectoryTable, identityKey } from './directory-entries.js';
import type { Peer, PeerCloseReason } from './peer.js';

export interface DirectoryOptions {
  intervalMs: number;
  maxRemoteEntries: number;
  /** The authenticated server links that announced `direct`. */
  directLinks: () => Iterable<Peer>;
  /** Closes a peer for what it sent. */
  reject: (peer: Peer, reason: PeerCloseReason, detail: string) => void;
}

/** Bytes of entries per DIRECTORY, about (as presence's parts). */
const PART_BYTES = 16 * 1024;
/** An upper bound of an entry's encoded size but its identity: a varint of at most 10 bytes, tags and lengths. */
const ENTRY_BYTES = 16;

export class Directory {
  readonly #options: DirectoryOptions;
  /** This server's clients that take direct messages, by alias and by identity. */
  readonly #clients = new Map<number, Peer>();
  readonly #byIdentity = new Map<string, Set<Peer>>();
  /** The links' clients. */
  readonly #links = new DirectoryTable<Peer>();
  /** A link's full directory while its parts arrive. */
  readonly #incomingFull = new Map<Peer, Map<number, Uint8Array>>();
  /** Our clients' changes since the last interval: alias -> its identity (arrived) or undefined (left). */
  #changes = new Map<number, Uint8Array | undefined>();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: DirectoryOptions) {
    this.#options = options;
  }

  start(): void {
    this.#timer = setInterval(() => this.#tick(), this.#options.intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** Entries: this server's clients, and the linked servers' all told. */
  get size(): { local: number; remote: number } {
    return { local: this.#clients.size, remote: this.#links.size };
  }

  /** An admitted client that announced `direct`. */
  clientAdmitted(client: Peer): void {
    this.#clients.set(client.alias, client);
    if (client.identity.length > 0) {
      const key = identityKey(client.identity);
      let clients = this.#byIdentity.get(key);
      if (clients === undefined) this.#byIdentity.set(key, (clients = new Set()));
      clients.add(client);
    }
    this.#changes.set(client.alias, client.identity);
  }

  /** A peer left: a client's entry goes, a link's entries with it. */
  forget(peer: Peer): void {
    if (peer.isServer) {
      this.#incomingFull.delete(peer);
      this.#links.drop(peer);
      return;
    }
    if (this.#clients.get(peer.alias) !== peer) return;
    this.#clients.delete(peer.alias);
    const key = identityKey(peer.identity);
    const clients = this.#byIdentity.get(key);
    clients?.delete(peer);
    if (clients?.size === 0) this.#byIdentity.delete(key);
    this.#changes.set(peer.alias, undefined);
  }

  /** A linked server understands `direct` (its AUTH, or its announcement on a link we opened): it gets our whole directory. */
  linkReady(link: Peer): void {
    const entries = [...this.#clients.values()].map((client) => ({ alias: client.alias, identity: client.identity }));
    for (const frame of directoryFrames(entries, [], true)) link.send('reliable', frame);
  }

  /** A linked server's DIRECTORY: its clients that arrived and left, or (full) all of them. */
  receive(link: Peer, { full, added, removed, more }: DirectoryMessage): void {
    const { maxRemoteEntries } = this.#options;
    const overflow = () => this.#options.reject(link, 'protocol-error', `more than ${maxRemoteEntries} directory entries from one server`);
    if (full) {
      let staged = this.#incomingFull.get(link);
      if (staged === undefined) this.#incomingFull.set(link, (staged = new Map()));
      for (const { alias, identity } of added) staged.set(alias, identity);
      if (staged.size > maxRemoteEntries) return overflow();
      if (more) return;
      this.#incomingFull.delete(link);
      this.#links.replace(link, staged);
      return;
    }
    for (const alias of removed) this.#links.delete(link, alias);
    for (const { alias, identity } of added) {
      if (!this.#links.has(link, alias) && this.#links.count(link) >= maxRemoteEntries) return overflow();
      this.#links.set(link, alias, identity);
    }
  }

  /** This server's client with `alias`, if it takes direct messages. */
  client(alias: number): Peer | undefined {
    return this.#clients.get(alias);
  }

  /** This server's clients of `identity` that take direct messages. */
  clientsOf(identity: Uint8Array): ReadonlySet<Peer> {
    return this.#byIdentity.get(identityKey(identity)) ?? NOBODY;
  }

  /** The linked server that holds `alias`, as the last one to speak of it says. */
  linkOf(alias: number): Peer | undefined {
    return this.#links.holder(alias);
  }

  /** The linked servers that hold a client of `identity`. */
  linksOf(identity: Uint8Array): Peer[] {
    return this.#links.holdersOf(identity);
  }

  #tick(): void {
    if (this.#changes.size === 0) return;
    const added: Array<{ alias: number; identity: Uint8Array }> = [];
    const removed: number[] = [];
    for (const [alias, identity] of this.#changes) {
      if (identity === undefined) removed.push(alias);
      else added.push({ alias, identity });
    }
    this.#changes = new Map();
    const frames = directoryFrames(added, removed, false);
    for (const link of this.#options.directLinks()) for (const frame of frames) link.send('reliable', frame);
  }
}

const NOBODY: ReadonlySet<Peer> = new Set();

/** DIRECTORY frames of about PART_BYTES at most (at least one); `full`: all parts but the last with `more`. */
function directoryFrames(added: ReadonlyArray<{ alias: number; identity: Uint8Array }>, removed: readonly number[], full: boolean): Uint8Array[] {
  const parts: Array<{ added: Array<{ alias: number; identity: Uint8Array }>; removed: number[] }> = [{ added: [], removed: [] }];
  let bytes = 0;
  const room = (size: number) => {
    if (bytes > 0 && bytes + size > PART_BYTES) {
      parts.push({ added: [], removed: [] });
      bytes = 0;
    }
    bytes += size;
    return parts[parts.length - 1];
  };
  for (const alias of removed) room(ENTRY_BYTES).removed.push(alias);
  for (const entry of added) room(ENTRY_BYTES + entry.identity.length).added.push(entry);
  return parts.map((part, i) => DirectoryFrame.encode({ type: MessageType.DIRECTORY, full, ...part, more: i < parts.length - 1 }));
}
