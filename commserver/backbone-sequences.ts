// Loss on the backbone. NATS core delivers at most once and drops what a slow
// subscriber cannot take, so each comm server numbers what it publishes per
// topic, and each receiver counts the numbers it never saw. NATS keeps one
// publisher's messages on one subject in order and never delivers one twice,
// so a number past the next expected one means the ones between were lost.

/** The numbers this server gives its topic messages: one counter per topic, at most `maxTopics` (the oldest goes). */
export class OutgoingSequences {
  readonly #next = new Map<string, number>();
  readonly #maxTopics: number;

  constructor(maxTopics: number) {
    this.#maxTopics = maxTopics;
  }

  /** The next number on `topic`; a topic whose counter was dropped starts again at 1, which receivers take as a restart. */
  next(topic: string): number {
    const seq = (this.#next.get(topic) ?? 0) + 1;
    this.#next.delete(topic);
    this.#next.set(topic, seq);
    if (this.#next.size > this.#maxTopics) this.#next.delete(this.#next.keys().next().value as string);
    return seq;
  }
}

/** The last number heard from each server on each subscribed topic; forgotten with the subscription. */
export class IncomingSequences {
  readonly #last = new Map<string, Map<string, number>>();

  /**
   * Records `seq` from server `from` on `topic`: how many numbers before it
   * never came (0: none), or `renumbered` for a number at or below the last
   * one (the server restarted; or, without the cluster secret, someone else
   * published under its name). Either way the message is delivered: a
   * number seen is never a reason to drop what follows.
   */
  heard(topic: string, from: string, seq: number): number | 'renumbered' {
    let servers = this.#last.get(topic);
    if (!servers) this.#last.set(topic, (servers = new Map()));
    const last = servers.get(from);
    servers.set(from, seq);
    if (last === undefined) return 0;
    return seq > last ? seq - last - 1 : 'renumbered';
  }

  forgetTopic(topic: string): void {
    this.#last.delete(topic);
  }

  forgetServer(serverId: string): void {
    for (const servers of this.#last.values()) servers.delete(serverId);
  }
}
