// What this server asks other servers for: the union of its local clients'
// topics. A HUB relays between servers, so it also asks each server for the
// topics the other servers want.

export class Interest<P> {
  #contributors = new Map<string, Set<P>>();
  #relaysServerTopics: boolean;

  constructor(options: { relaysServerTopics: boolean }) {
    this.#relaysServerTopics = options.relaysServerTopics;
  }

  /**
   * Applies a peer's subscription change. Returns true when what some server
   * should be sent may have changed (callers compare with what they last sent).
   */
  apply(peer: P, kind: 'client' | 'server', added: readonly string[], removed: readonly string[]): boolean {
    if (kind === 'server' && !this.#relaysServerTopics) return false;
    let changed = kind === 'server' && added.length + removed.length > 0;
    for (const topic of added) changed = this.#add(topic, peer) || changed;
    for (const topic of removed) changed = this.#remove(topic, peer) || changed;
    return changed;
  }

  /** The topics to send to one server: every topic wanted here by someone other than that server. */
  topicsFor(server: P): Set<string> {
    const topics = new Set<string>();
    for (const [topic, contributors] of this.#contributors) {
      if (contributors.size > 1 || !contributors.has(server)) topics.add(topic);
    }
    return topics;
  }

  /** Every topic wanted here: what a server on the NATS backbone subscribes to. */
  topics(): ReadonlySet<string> {
    return new Set(this.#contributors.keys());
  }

  #add(topic: string, peer: P): boolean {
    const contributors = this.#contributors.get(topic);
    if (contributors) {
      contributors.add(peer);
      return false;
    }
    this.#contributors.set(topic, new Set([peer]));
    return true;
  }

  #remove(topic: string, peer: P): boolean {
    const contributors = this.#contributors.get(topic);
    if (!contributors?.delete(peer) || contributors.size > 0) return false;
    this.#contributors.delete(topic);
    return true;
  }
}
