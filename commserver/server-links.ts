// The links to other comm servers: what we tell them we want (the interest,
// sent when it changes; on the NATS backbone, subscribed to instead) and
// whether they are still alive.
import { MessageType, Ping, Subscription } from '../shared/codec.js';
import { Interest } from './interest.js';
import type { Peer } from './peer.js';
import { encodeTopicSet } from './topic-set.js';

export interface ServerLinksOptions {
  hub: boolean;
  pingIntervalMs: number;
  timeoutMs: number;
  /** The live, authenticated server links. */
  linkedServers: () => Peer[];
  /**
   * On the NATS backbone the interest is the backbone's subscriptions, not
   * SUBSCRIPTION frames; and while NATS is away, the silence of the links
   * over it says nothing about the servers at their other ends.
   */
  backbone?: { setInterest(topics: ReadonlySet<string>): void; readonly connected: boolean };
}

export class ServerLinks {
  #options: ServerLinksOptions;
  #interest: Interest<Peer>;
  #lastSentInterest = new Map<Peer, string>();
  #interestScheduled = false;
  #framesAtLastCheck = new Map<Peer, { frames: number; since: number }>();
  #livenessTimer: ReturnType<typeof setInterval> | undefined;

  constructor(options: ServerLinksOptions) {
    this.#options = options;
    this.#interest = new Interest({ relaysServerTopics: options.hub });
  }

  start(): void {
    this.#livenessTimer = setInterval(() => this.#checkLiveness(), this.#options.pingIntervalMs);
    this.#livenessTimer.unref();
  }

  stop(): void {
    clearInterval(this.#livenessTimer);
  }

  /** A newly admitted server gets the current interest at once. */
  admitted(server: Peer): void {
    if (!this.#options.backbone) this.#sendInterest(server);
  }

  /** A peer's topics changed (a SUBSCRIPTION, or the peer left). */
  topicsChanged(peer: Peer, added: readonly string[], removed: readonly string[]): void {
    if (this.#interest.apply(peer, peer.isServer ? 'server' : 'client', added, removed)) this.#scheduleInterest();
  }

  forget(peer: Peer): void {
    this.#lastSentInterest.delete(peer);
    this.#framesAtLastCheck.delete(peer);
  }

  /**
   * Whether `server` has been silent for two ping intervals or more: a live
   * one sends a PING every interval, so this one is likely dead, only not
   * timed out yet. Known as of the last liveness check.
   */
  isSilent(server: Peer): boolean {
    const last = this.#framesAtLastCheck.get(server);
    return last !== undefined && last.frames === server.framesReceived && Date.now() - last.since >= 2 * this.#options.pingIntervalMs;
  }

  /** Tells the other servers the current interest now, ahead of a request that depends on it. */
  flushInterest(): void {
    this.#tellInterest();
  }

  /** Subscription changes come in bursts: tell the other servers once per turn of the event loop. */
  #scheduleInterest(): void {
    if (this.#interestScheduled) return;
    this.#interestScheduled = true;
    setImmediate(() => {
      this.#interestScheduled = false;
      this.#tellInterest();
    });
  }

  #tellInterest(): void {
    const { backbone } = this.#options;
    if (backbone) backbone.setInterest(this.#interest.topics());
    else for (const server of this.#options.linkedServers()) this.#sendInterest(server);
  }

  #sendInterest(server: Peer): void {
    const topics = [...this.#interest.topicsFor(server)].sort();
    const key = topics.join(' ');
    if (this.#lastSentInterest.get(server) === key) return;
    this.#lastSentInterest.set(server, key);
    const { format, topics: encoded } = encodeTopicSet(topics);
    server.send('reliable', Subscription.encode({ type: MessageType.SUBSCRIPTION, format, topics: encoded }));
  }

  /**
   * werift notices a vanished peer only when ICE consent expires (30 s). Server
   * links carry a PING from each side every interval, so a link that received
   * nothing for `timeoutMs` is dead: it is closed and its interest dropped.
   */
  #checkLiveness(): void {
    const now = Date.now();
    const natsAway = this.#options.backbone?.connected === false;
    for (const server of this.#options.linkedServers()) {
      const last = this.#framesAtLastCheck.get(server);
      if (natsAway && server.transport === 'nats') {
        this.#framesAtLastCheck.set(server, { frames: server.framesReceived, since: now });
        continue;
      }
      if (!last || last.frames !== server.framesReceived) {
        this.#framesAtLastCheck.set(server, { frames: server.framesReceived, since: now });
      } else if (now - last.since >= this.#options.timeoutMs) {
        server.close('link-timeout');
        continue;
      }
      server.send('reliable', Ping.encode({ type: MessageType.PING, time: now }));
    }
  }
}
