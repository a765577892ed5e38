// The routing table: which local clients and which servers want each topic.

export interface SubscriptionDiff {
  added: string[];
  removed: string[];
}

/** Subscribers of one topic, split by the frame kind they receive. */
export interface TopicSubscribers<P> {
  clients: Set<P>;
  servers: Set<P>;
}

export class RoutingTable<P> {
  #byTopic = new Map<string, TopicSubscribers<P>>();
  #topicsOf = new Map<P, Set<string>>();

  /** Replaces the peer's topic set (SUBSCRIPTION is a full-set replace) and returns what changed. */
  replace(peer: P, kind: 'client' | 'server', topics: Set<string>): SubscriptionDiff {
    const previous = this.#topicsOf.get(peer) ?? EMPTY;
    const added: string[] = [];
    const removed: string[] = [];
    for (const topic of previous) {
      if (!topics.has(topic)) {
        removed.push(topic);
        this.#unlink(peer, kind, topic);
      }
    }
    for (const topic of topics) {
      if (!previous.has(topic)) {
        added.push(topic);
        this.#link(peer, kind, topic);
      }
    }
    if (topics.size === 0) this.#topicsOf.delete(peer);
    else this.#topicsOf.set(peer, topics);
    return { added, removed };
  }

  /** Forgets a peer that left; returns the topics it had. */
  remove(peer: P, kind: 'client' | 'server'): string[] {
    return this.replace(peer, kind, new Set()).removed;
  }

  subscribers(topic: string): TopicSubscribers<P> | undefined {
    return this.#byTopic.get(topic);
  }

  topicsOf(peer: P): ReadonlySet<string> {
    return this.#topicsOf.get(peer) ?? EMPTY;
  }

  get topicCount(): number {
    return this.#byTopic.size;
  }

  #link(peer: P, kind: 'client' | 'server', topic: string): void {
    let entry = this.#byTopic.get(topic);
    if (!entry) {
      entry = { clients: new Set(), servers: new Set() };
      this.#byTopic.set(topic, entry);
    }
    (kind === 'client' ? entry.clients : entry.servers).add(peer);
  }

  #unlink(peer: P, kind: 'client' | 'server', topic: string): void {
    const entry = this.#byTopic.get(topic);
    if (!entry) return;
    (kind === 'client' ? entry.clients : entry.servers).delete(peer);
    if (entry.clients.size === 0 && entry.servers.size === 0) this.#byTopic.delete(topic);
  }
}

const EMPTY: ReadonlySet<string> = new Set();
