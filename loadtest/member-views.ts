// The presence scenario, seen from its clients: what each client knows of
// one topic's members. A client's view starts with itself, takes in the list
// `presence(topic)` answered right after subscribing and every `join` event
// since, less the `leave` events; it is complete once it holds every member.
// The list and the events together are complete: the server sends a join
// event for every member that arrives after the client's SUBSCRIPTION, and
// answers the PRESENCE that follows it on the same ordered channel with all
// who arrived before. (Events alone miss the members already there; asking
// presence() over and over would cost each client a whole list per ask.)
import type { PresenceReport } from './ipc.js';

const LISTED = 1;
const JOINED = 2;

interface View {
  /** Per member position: LISTED and/or JOINED. */
  flags: Uint8Array;
  known: number;
  completeMs?: number;
}

export class MemberViews {
  /** Member alias -> position in the views' flags. */
  readonly #positions: Map<number, number>;
  readonly #views = new Map<number, View>();
  #incomplete = 0;
  #joinEvents = 0;
  #repeatedJoins = 0;
  #leaveEvents = 0;
  #listed = 0;
  #strangers = 0;
  #requestErrors = 0;
  #firstError: string | undefined;
  #subscribedMs = 0;

  readonly #onComplete: () => void;

  /** `members`: the aliases every view must reach; `onComplete`: called when the last view watched became complete. */
  constructor(members: readonly number[], onComplete: () => void) {
    this.#positions = new Map(members.map((alias, position) => [alias, position]));
    this.#onComplete = onComplete;
  }

  /** Starts the view of client `index` (alias `self`). */
  watch(index: number, self: number, nowMs: number): void {
    this.#views.set(index, { flags: new Uint8Array(this.#positions.size), known: 0 });
    this.#incomplete++;
    this.#add(index, self, LISTED, nowMs);
  }

  /** A member in the client's presence() reply. */
  listed(index: number, alias: number, nowMs: number): void {
    this.#listed++;
    this.#add(index, alias, LISTED, nowMs);
  }

  /** A `join` event; a second one for the same member counts as repeated. */
  joined(index: number, alias: number, nowMs: number): void {
    this.#joinEvents++;
    this.#add(index, alias, JOINED, nowMs);
  }

  /** A `leave` event: the member is no longer in the view (a complete view stays counted complete). */
  left(index: number, alias: number): void {
    this.#leaveEvents++;
    const view = this.#views.get(index);
    const position = this.#positions.get(alias);
    if (view === undefined || position === undefined || view.flags[position] === 0) return;
    view.flags[position] = 0;
    view.known--;
  }

  /** Every client's SUBSCRIPTION and PRESENCE went out `nowMs` after the epoch. */
  subscribed(nowMs: number): void {
    this.#subscribedMs = nowMs;
  }

  /** The client's presence() request failed. */
  failed(error: unknown): void {
    this.#requestErrors++;
    this.#firstError ??= error instanceof Error ? error.message : String(error);
  }

  report(): PresenceReport {
    const completeMs: Array<[number, number]> = [];
    for (const [index, view] of this.#views) if (view.completeMs !== undefined) completeMs.push([index, view.completeMs]);
    return {
      watching: this.#views.size,
      subscribedMs: this.#subscribedMs,
      completeMs,
      listed: this.#listed,
      joinEvents: this.#joinEvents,
      repeatedJoins: this.#repeatedJoins,
      leaveEvents: this.#leaveEvents,
      strangers: this.#strangers,
      requestErrors: this.#requestErrors,
      firstError: this.#firstError,
    };
  }

  #add(index: number, alias: number, source: number, nowMs: number): void {
    const view = this.#views.get(index);
    if (view === undefined) return;
    const position = this.#positions.get(alias);
    if (position === undefined) {
      this.#strangers++;
      return;
    }
    const flags = view.flags[position];
    if (source === JOINED && (flags & JOINED) !== 0) this.#repeatedJoins++;
    view.flags[position] = flags | source;
    if (flags !== 0) return;
    view.known++;
    if (view.known === this.#positions.size && view.completeMs === undefined) {
      view.completeMs = nowMs;
      if (--this.#incomplete === 0) this.#onComplete();
    }
  }
}
