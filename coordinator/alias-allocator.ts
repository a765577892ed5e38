// Aliases name peers on the wire (uint64). We keep them below 2^53 so a
// JavaScript number holds them exactly, and never hand one out twice.
import { BrokerError } from '../shared/errors.js';

export class AliasError extends BrokerError<'ALIASES_EXHAUSTED' | 'ALIASES_UNAVAILABLE' | 'INVALID_ALIAS_START'> {}

/**
 * Aliases per millisecond of the default start. Starting at
 * `Date.now() * 1024` keeps aliases unique across a restart: a successor
 * started t ms later begins 1024·t above its predecessor's start, so the two
 * collide only if the predecessor allocated more than 1024 aliases per
 * millisecond of its life (or the wall clock stepped back). It stays below
 * 2^53 until Date.now() reaches 2^53 / 1024 ms, in the year 2248.
 */
export const ALIASES_PER_MS = 1024;

export function epochAliasStart(nowMs: number = Date.now()): number {
  return Math.floor(nowMs) * ALIASES_PER_MS;
}

/** Hands out increasing aliases from `start`; alias 0 is never used (it means "unset" in proto3). */
export class AliasAllocator {
  #next: number;

  constructor(start: number = epochAliasStart()) {
    if (!Number.isSafeInteger(start) || start < 1) {
      throw new AliasError('INVALID_ALIAS_START', `alias start must be a safe integer >= 1, got ${start}`);
    }
    this.#next = start;
  }

  next(): number {
    if (this.#next > Number.MAX_SAFE_INTEGER) {
      throw new AliasError('ALIASES_EXHAUSTED', 'no alias below 2^53 is left');
    }
    return this.#next++;
  }
}
