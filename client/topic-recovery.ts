// What a client subscribed with `{ recover: true }` keeps per topic, to get
// what it missed while re-homing (the `recover` extension): where it stands
// with each publisher (the last topic_seq it delivered), and, while its new
// server gathers the history (RECOVER ... RECOVERED), the answer and the
// live messages that arrive meanwhile, held so that each publisher's
// messages come out in order and once. A jump in a publisher's numbers, live
// or left after the answer, is reported as a gap: never silence.
import { publisherKey } from '../shared/publisher-key.js';
import type { ReceivedMessage } from './client.js';

export interface TopicRecoveryOptions {
  /** Publishers remembered per topic; the least recently heard from are forgotten. */
  publishersPerTopic: number;
  /** Messages held per topic while its recovery is under way (the answer and live ones). */
  bufferedMessages: number;
  deliver: (message: ReceivedMessage) => void;
  gap: (gap: { topic: string; missed: number }) => void;
  /** Asks the server again for `topic` (held messages overflowed and were let go). */
  askAgain: (topic: string) => void;
}

/** A numbered message as the client receives it. */
export interface NumberedMessage {
  message: ReceivedMessage;
  publisher: Uint8Array;
  topicSeq: number;
}

interface TopicState {
  /** Publisher key -> its id and the last topic_seq delivered; in order of last use. */
  positions: Map<string, { publisher: Uint8Array; topicSeq: number }>;
  /** While a RECOVER is answered: where the client stood when it asked, what the answer brought so far, and the live messages meanwhile. */
  recovery: { asked: Map<string, number>; recovered: NumberedMessage[]; held: NumberedMessage[] } | undefined;
  /** Messages overflowed and were let go: ask again once this answer ends. */
  overflowed: boolean;
}

export class TopicRecovery {
  readonly #options: TopicRecoveryOptions;
  readonly #topics = new Map<string, TopicState>();

  constructor(options: TopicRecoveryOptions) {
    this.#options = options;
  }

  has(topic: string): boolean {
    return this.#topics.has(topic);
  }

  get topics(): Iterable<string> {
    return this.#topics.keys();
  }

  add(topic: string): void {
    if (!this.#topics.has(topic)) this.#topics.set(topic, { positions: new Map(), recovery: undefined, overflowed: false });
  }

  remove(topic: string): void {
    this.#topics.delete(topic);
  }

  /** Where the client stands on `topic`, for a RECOVER; the topic waits for the answer from now on. */
  positions(topic: string): Array<{ publisher: Uint8Array; topicSeq: number }> {
    const state = this.#topics.get(topic)!;
    const positions = [...state.positions.values()];
    state.recovery = { asked: new Map([...state.positions].map(([key, { topicSeq }]) => [key, topicSeq])), recovered: [], held: [] };
    state.overflowed = false;
    return positions;
  }

  /** The session is gone: what waited is let go unseen (the next RECOVER asks for it again). */
  sessionLost(): void {
    for (const state of this.#topics.values()) {
      state.recovery = undefined;
      state.overflowed = false;
    }
  }

  /** A live numbered message on a recovering topic. */
  live(numbered: NumberedMessage): void {
    const state = this.#topics.get(numbered.message.topic);
    if (state === undefined) return this.#options.deliver(numbered.message);
    if (state.recovery === undefined) return this.#deliverLive(state, numbered);
    this.#hold(state, state.recovery.held, numbered);
  }

  /**
   * Part of the server's answer. With the last part, what it brought and
   * what arrived live meanwhile go out together, each publisher's in order
   * and once; per publisher the client had heard from, the numbers it still
   * lacks up to the highest the servers know of are reported as a gap.
   */
  recovered(topic: string, messages: NumberedMessage[], highest: ReadonlyArray<{ publisher: Uint8Array; topicSeq: number }>, last: boolean): void {
    const state = this.#topics.get(topic);
    const recovery = state?.recovery;
    if (state === undefined || recovery === undefined) return;
    for (const numbered of messages) this.#hold(state, recovery.recovered, numbered);
    if (!last) return;
    state.recovery = undefined;
    if (state.overflowed) {
      state.overflowed = false;
      this.#options.askAgain(topic);
      return;
    }
    const byPublisher = new Map<string, Map<number, NumberedMessage>>();
    for (const numbered of [...recovery.recovered, ...recovery.held]) {
      const key = publisherKey(numbered.publisher);
      let own = byPublisher.get(key);
      if (own === undefined) byPublisher.set(key, (own = new Map()));
      if (!own.has(numbered.topicSeq)) own.set(numbered.topicSeq, numbered);
    }
    let missed = 0;
    const lastKnown = new Map(highest.map(({ publisher, topicSeq }) => [publisherKey(publisher), topicSeq]));
    const reached = new Map<string, number>();
    for (const [key, after] of recovery.asked) {
      const own = byPublisher.get(key);
      let top = lastKnown.get(key) ?? after;
      let have = 0;
      for (const topicSeq of own?.keys() ?? []) {
        if (topicSeq <= after) continue;
        have++;
        top = Math.max(top, topicSeq);
      }
      missed += Math.max(0, top - after - have);
      reached.set(key, top);
    }
    if (missed > 0) this.#options.gap({ topic, missed });
    for (const own of byPublisher.values()) {
      for (const numbered of [...own.values()].sort((a, b) => a.topicSeq - b.topicSeq)) this.#deliver(state, numbered);
    }
    // What the gap covered is behind each publisher now: the next live message after it is no second gap.
    for (const [key, top] of reached) {
      const position = state.positions.get(key);
      if (position !== undefined && position.topicSeq < top) state.positions.set(key, { publisher: position.publisher, topicSeq: top });
    }
  }

  #hold(state: TopicState, into: NumberedMessage[], numbered: NumberedMessage): void {
    if (state.overflowed) return;
    const recovery = state.recovery!;
    if (recovery.recovered.length + recovery.held.length >= this.#options.bufferedMessages) {
      recovery.recovered = [];
      recovery.held = [];
      state.overflowed = true;
      return;
    }
    into.push(numbered);
  }

  /** A live message: a jump past the publisher's next number is a gap. */
  #deliverLive(state: TopicState, numbered: NumberedMessage): void {
    const position = state.positions.get(publisherKey(numbered.publisher));
    if (position !== undefined && numbered.topicSeq > position.topicSeq + 1) {
      this.#options.gap({ topic: numbered.message.topic, missed: numbered.topicSeq - position.topicSeq - 1 });
    }
    this.#deliver(state, numbered);
  }

  /** Delivers unless it is a copy of what was delivered, and moves the publisher's position. */
  #deliver(state: TopicState, { message, publisher, topicSeq }: NumberedMessage): void {
    const key = publisherKey(publisher);
    const position = state.positions.get(key);
    if (position !== undefined && topicSeq <= position.topicSeq) return;
    if (position !== undefined) state.positions.delete(key);
    else if (state.positions.size >= this.#options.publishersPerTopic) state.positions.delete(state.positions.keys().next().value!);
    state.positions.set(key, { publisher, topicSeq });
    this.#options.deliver(message);
  }
}
