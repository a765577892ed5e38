// What coordinators and comm servers put on NATS, sealed with the cluster
// secret: an HMAC-SHA256 over a context (the subject, the registry key), a
// timestamp and the payload, with a key derived from the secret for this use
// alone. A process on the same NATS without the secret cannot speak for a
// peer in the signaling, register a comm server or publish on the backbone:
// what it writes fails the check and is dropped. Availability (who may write at all, delete a bucket, move
// the alias counter) is NATS's permissions' job.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { secretBytes } from './credentials.js';

/** The header of a sealed NATS message. */
export const SEAL_HEADER = 'Broker-Seal';
const MAX_SEAL_LENGTH = 128;

export class NatsSeal {
  readonly #key: Buffer;
  readonly #maxAgeMs: number;
  readonly #now: () => number;

  /** `maxAgeMs`: how old a seal may be (clock skew included) and still pass. */
  constructor(secret: string | Uint8Array, options: { maxAgeMs: number; now?: () => number }) {
    this.#key = createHmac('sha256', secretBytes(secret, 'cluster secret')).update('broker nats seal').digest();
    this.#maxAgeMs = options.maxAgeMs;
    this.#now = options.now ?? Date.now;
  }

  /** `<time>.<mac>` for `payload` in `context`. */
  seal(context: string, payload: Uint8Array): string {
    const time = this.#now();
    return `${time}.${this.#mac(context, time, payload).toString('base64url')}`;
  }

  /** Whether `seal` is ours for `payload` in `context`, and recent enough. */
  verify(context: string, payload: Uint8Array, seal: string | undefined): boolean {
    if (seal === undefined || seal.length > MAX_SEAL_LENGTH) return false;
    const dot = seal.indexOf('.');
    const time = Number(seal.slice(0, dot));
    if (dot < 1 || !Number.isSafeInteger(time) || Math.abs(this.#now() - time) > this.#maxAgeMs) return false;
    const given = Buffer.from(seal.slice(dot + 1), 'base64url');
    const expected = this.#mac(context, time, payload);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  #mac(context: string, time: number, payload: Uint8Array): Buffer {
    return createHmac('sha256', this.#key).update(`${context}\n${time}\n`).update(payload).digest();
  }
}
