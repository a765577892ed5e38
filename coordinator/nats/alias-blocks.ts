// Alias allocation shared by coordinators: each claims blocks of
// ALIAS_BLOCK_SIZE aligned aliases from a counter in a JetStream key-value
// bucket (compare-and-set), and hands them out one by one. Blocks are never
// claimed twice, so aliases stay unique across live coordinators and their
// restarts; the counter never starts below the epoch-based start of a lone
// coordinator (alias-allocator.ts), so a store that was lost does not go
// back either. The next block is claimed while a quarter of the current one
// is left: a coordinator keeps handing out aliases for a while without NATS.
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import type { Logger } from '../../shared/log.js';
import { AliasError, epochAliasStart } from '../alias-allocator.js';

export const ALIAS_BLOCK_SIZE = 4096;
const COUNTER_KEY = 'next-block';
const CLAIM_ATTEMPTS = 16;
const LAST_BLOCK = Math.floor(Number.MAX_SAFE_INTEGER / ALIAS_BLOCK_SIZE) - 1;

/** The block an alias belongs to (which coordinator claimed it). */
export const blockOf = (alias: number): number => Math.floor(alias / ALIAS_BLOCK_SIZE);

export interface AliasBlocksOptions {
  kv: KV;
  /** A block became ours: its aliases' signaling is ours to receive. */
  claimed: (block: number) => void;
  logger: Logger;
}

export class AliasBlocks {
  readonly #options: AliasBlocksOptions;
  /** The next alias and the end (exclusive) of the block in use. */
  #next = 0;
  #end = 0;
  #spare: number | undefined;
  #claiming: Promise<void> | undefined;
  readonly #owned = new Set<number>();

  constructor(options: AliasBlocksOptions) {
    this.#options = options;
  }

  /** Claims the first block; rejects when the bucket cannot be reached. */
  async start(): Promise<void> {
    this.#use(await this.#claim());
  }

  /** Resolves when no claim is under way (at once when none is). */
  async settled(): Promise<void> {
    await this.#claiming;
  }

  /** Blocks claimed by this coordinator. */
  owns(block: number): boolean {
    return this.#owned.has(block);
  }

  next(): number {
    if (this.#next >= this.#end) {
      if (this.#spare === undefined) {
        this.#claimSpare();
        throw new AliasError('ALIASES_UNAVAILABLE', 'no alias block at hand: the NATS key-value bucket is unreachable');
      }
      this.#use(this.#spare);
      this.#spare = undefined;
    }
    if (this.#end - this.#next <= ALIAS_BLOCK_SIZE / 4) this.#claimSpare();
    return this.#next++;
  }

  #use(block: number): void {
    // Alias 0 means "unset" on the wire; block 0 is below every epoch start anyway.
    this.#next = Math.max(1, block * ALIAS_BLOCK_SIZE);
    this.#end = (block + 1) * ALIAS_BLOCK_SIZE;
  }

  #claimSpare(): void {
    if (this.#spare !== undefined || this.#claiming !== undefined) return;
    this.#claiming = this.#claim().then(
      (block) => {
        this.#spare = block;
      },
      (error: Error) => this.#options.logger.warn({ err: error.message }, 'cannot claim an alias block, trying again with the next alias'),
    ).finally(() => {
      this.#claiming = undefined;
    });
  }

  /** Takes the counter's block and moves the counter on, unless another coordinator moved it first (then again). */
  async #claim(): Promise<number> {
    const { kv } = this.#options;
    const floor = blockOf(epochAliasStart()) + 1;
    let lastError: unknown;
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      try {
        const entry = await kv.get(COUNTER_KEY);
        const stored = entry?.operation === 'PUT' ? Number(entry.string()) : 0;
        const block = Math.max(Number.isSafeInteger(stored) ? stored : 0, floor);
        if (block > LAST_BLOCK) throw new AliasError('ALIASES_EXHAUSTED', 'no alias below 2^53 is left');
        if (entry?.operation === 'PUT') await kv.update(COUNTER_KEY, String(block + 1), entry.revision);
        else await kv.create(COUNTER_KEY, String(block + 1));
        this.#owned.add(block);
        this.#options.claimed(block);
        return block;
      } catch (error) {
        // Another coordinator moved the counter first (wrong last sequence): read it again. Anything else ends the claim.
        if (!(error instanceof JetStreamApiError) || error.code !== JetStreamApiCodes.StreamWrongLastSequence) throw error;
        lastError = error;
      }
    }
    throw new AliasError('ALIASES_UNAVAILABLE', `cannot claim an alias block: ${(lastError as Error).message}`, { cause: lastError });
  }
}
