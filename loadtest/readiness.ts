// Which receivers still wait for a probe from one of their probers.
export class ReadinessTracker {
  #pending = new Map<number, Set<number>>();

  constructor(probeFrom: Iterable<[receiver: number, senders: number[]]>) {
    for (const [receiver, senders] of probeFrom) {
      if (senders.length > 0) this.#pending.set(receiver, new Set(senders));
    }
  }

  get ready(): boolean {
    return this.#pending.size === 0;
  }

  /** Records that `receiver` heard a probe from `sender`; true when this made everyone ready. */
  heard(receiver: number, sender: number): boolean {
    const waiting = this.#pending.get(receiver);
    if (!waiting?.delete(sender) || waiting.size > 0) return false;
    this.#pending.delete(receiver);
    return this.ready;
  }

  /**
   * Drops a client lost before measuring: as a receiver it waits for nothing,
   * and nobody waits for its probes; true when this made everyone ready.
   */
  forget(receiver: number, sender: number): boolean {
    if (this.ready) return false;
    this.#pending.delete(receiver);
    for (const [other, waiting] of this.#pending) {
      if (waiting.delete(sender) && waiting.size === 0) this.#pending.delete(other);
    }
    return this.ready;
  }
}
