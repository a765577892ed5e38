// Direct messages (the `direct` extension, docs/PROTOCOL.md): a client's
// DIRECT goes to one client, by alias, or to every connection of an
// identity, wherever the directory says they are: this server's clients get
// it at once, each linked server holding a target gets one copy and delivers
// it to its own. The sender's alias and identity are stamped here, whatever
// the frame said. A reliable DIRECT with a request id is answered
// (DIRECT_RESULT): accepted once a server holding the target queued it to
// the target, NO_SUCH_PEER when none holds it, TIMEOUT when a server it went
// to did not answer within the timeout (its link closed or stayed silent).
import { Direct, DirectResult, MessageType, type DirectMessage, type DirectResultMessage } from '../shared/codec.js';
import type { ChannelKind } from '../shared/rtc.js';
import type { Directory } from './directory.js';
import type { Peer } from './peer.js';
import type { CommServerStats } from './stats.js';

export interface DirectOptions {
  directory: Directory;
  timeoutMs: number;
  maxPending: number;
  stats: CommServerStats;
  /** Whether a link has gone silent (likely dead, not timed out yet): its clients are not sent to. */
  isSilent: (link: Peer) => boolean;
}

/** A reliable DIRECT waiting for the servers it went to. */
interface Pending {
  sender: Peer;
  /** The sender's request id. */
  requestId: number;
  /** The servers that have not answered yet. */
  links: Set<Peer>;
  /** Whether a server went away without answering. */
  unanswered: boolean;
  until: number;
}

export const NO_SUCH_PEER = 'NO_SUCH_PEER';
export const TIMEOUT = 'TIMEOUT';

export class DirectMessages {
  readonly #options: DirectOptions;
  /** Our request id -> the DIRECT waiting; in order of their deadlines (all wait as long). */
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: DirectOptions) {
    this.#options = options;
  }

  start(): void {
    this.#timer = setInterval(() => this.#expire(Date.now()), Math.max(1, Math.min(100, this.#options.timeoutMs)));
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** DIRECTs waiting for another server's answer. */
  get pending(): number {
    return this.#pending.size;
  }

  /** A client's DIRECT: to our clients, and to the servers holding its target. */
  fromClient(sender: Peer, channel: ChannelKind, { requestId, toAlias, toIdentity, body }: DirectMessage): void {
    const { directory, isSilent, stats } = this.#options;
    const answer = channel === 'reliable' && requestId > 0;
    let delivered = 0;
    let links: Peer[] = [];
    if (toAlias > 0 || toIdentity.length > 0) {
      const local = toAlias > 0 ? [directory.client(toAlias)] : [...directory.clientsOf(toIdentity)].filter((client) => client !== sender);
      const frame = Direct.encode({ type: MessageType.DIRECT, fromAlias: sender.alias, fromIdentity: sender.identity, body });
      for (const target of local) {
        if (target === undefined || target.closed) continue;
        target.send(channel, frame);
        delivered++;
      }
      // An alias is one client: held here, it is nowhere else.
      let remote: Array<Peer | undefined>;
      if (toAlias > 0) remote = delivered > 0 ? [] : [directory.linkOf(toAlias)];
      else remote = directory.linksOf(toIdentity);
      links = remote.filter((link): link is Peer => link !== undefined && !link.closed && !isSilent(link));
    }
    stats.directsDelivered += delivered;
    stats.directsForwarded += links.length;
    const waiting = answer && delivered === 0 && links.length > 0;
    if (links.length > 0) {
      const frame = Direct.encode({
        type: MessageType.DIRECT, requestId: waiting ? this.#wait(sender, requestId, links) : 0,
        toAlias, toIdentity, body, fromAlias: sender.alias, fromIdentity: sender.identity,
      });
      for (const link of links) link.send(channel, frame);
    }
    if (waiting) return;
    if (delivered === 0 && links.length === 0) {
      if (answer) stats.directsNoSuchPeer++;
      else stats.directsDropped++;
    }
    if (answer) this.#answer(sender, requestId, delivered > 0 ? '' : NO_SUCH_PEER);
  }

  /** A linked server's DIRECT, stamped by the sender's server: to our clients only; answered if it asks. */
  fromLink(link: Peer, channel: ChannelKind, { requestId, toAlias, toIdentity, body, fromAlias, fromIdentity }: DirectMessage): void {
    const { directory, stats } = this.#options;
    const targets = toAlias > 0 ? [directory.client(toAlias)] : toIdentity.length > 0 ? directory.clientsOf(toIdentity) : [];
    const frame = Direct.encode({ type: MessageType.DIRECT, fromAlias, fromIdentity, body });
    let delivered = 0;
    for (const target of targets) {
      if (target === undefined || target.closed) continue;
      target.send(channel, frame);
      delivered++;
    }
    stats.directsDelivered += delivered;
    if (delivered === 0) {
      if (requestId > 0) stats.directsNoSuchPeer++;
      else stats.directsDropped++;
    }
    if (requestId > 0) link.send('reliable', DirectResult.encode({ type: MessageType.DIRECT_RESULT, requestId, error: delivered > 0 ? '' : NO_SUCH_PEER }));
  }

  /** A linked server's answer to a DIRECT we sent it. */
  result(link: Peer, { requestId, error }: DirectResultMessage): void {
    const pending = this.#pending.get(requestId);
    if (pending === undefined || !pending.links.delete(link)) return;
    if (error === '') this.#settle(requestId, pending, '');
    else if (pending.links.size === 0) this.#settle(requestId, pending, pending.unanswered ? TIMEOUT : NO_SUCH_PEER);
  }

  /** A link closed: what waited for its answer waits no more. Waiting senders that left are answered by nobody. */
  forget(peer: Peer): void {
    if (!peer.isServer) return;
    for (const [requestId, pending] of this.#pending) {
      if (!pending.links.delete(peer)) continue;
      pending.unanswered = true;
      if (pending.links.size === 0) this.#settle(requestId, pending, TIMEOUT);
    }
  }

  #wait(sender: Peer, requestId: number, links: Peer[]): number {
    if (this.#pending.size >= this.#options.maxPending) {
      const [oldestId, oldest] = this.#pending.entries().next().value!;
      this.#settle(oldestId, oldest, TIMEOUT);
    }
    const id = this.#nextId++;
    this.#pending.set(id, { sender, requestId, links: new Set(links), unanswered: false, until: Date.now() + this.#options.timeoutMs });
    return id;
  }

  #expire(now: number): void {
    for (const [requestId, pending] of this.#pending) {
      if (pending.until > now) return;
      this.#settle(requestId, pending, TIMEOUT);
    }
  }

  #settle(requestId: number, pending: Pending, error: string): void {
    this.#pending.delete(requestId);
    if (error === NO_SUCH_PEER) this.#options.stats.directsNoSuchPeer++;
    if (error === TIMEOUT) this.#options.stats.directsTimedOut++;
    this.#answer(pending.sender, pending.requestId, error);
  }

  #answer(sender: Peer, requestId: number, error: string): void {
    if (!sender.closed) sender.send('reliable', DirectResult.encode({ type: MessageType.DIRECT_RESULT, requestId, error }));
  }
}
