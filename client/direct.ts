// The client's side of direct messages (docs/PROTOCOL.md, "Direct
// messages"): reliable sends waiting for their DIRECT_RESULT, and DIRECT
// frames turned into `direct` events.
import { Direct, MessageType, type DirectMessage, type DirectResultMessage } from '../shared/codec.js';
import { BrokerClientError } from './errors.js';

/** A client by alias, or every connection of an identity. */
export type DirectTarget = number | { identity: string };

export interface DirectEvent {
  /** Alias of the sending client, stamped by its comm server. */
  from: number;
  /** The sender's identity, as its comm server took it from its AUTH, if it has one. */
  identity?: string;
  body: Uint8Array;
  /** True if it came on the `reliable` channel. */
  reliable: boolean;
}

export interface DirectRequestsOptions {
  timeoutMs: number;
}

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

export class DirectRequests {
  readonly #options: DirectRequestsOptions;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor(options: DirectRequestsOptions) {
    this.#options = options;
  }

  /**
   * Sends a reliable DIRECT (`send` gets its frame) and resolves once the
   * comm server says a server holding the target accepted it; rejects with
   * its error, after the timeout, or with `fail`.
   */
  request(target: DirectTarget, body: Uint8Array, send: (frame: Uint8Array) => void): Promise<void> {
    const requestId = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(requestId);
        reject(new BrokerClientError('TIMEOUT', `no answer to a direct message within ${this.#options.timeoutMs} ms`));
      }, this.#options.timeoutMs);
      this.#pending.set(requestId, { resolve, reject, timer });
      try {
        send(directFrame(target, body, requestId));
      } catch (error) {
        clearTimeout(timer);
        this.#pending.delete(requestId);
        reject(error as Error);
      }
    });
  }

  /** The comm server's answer to a reliable send. */
  result({ requestId, error }: DirectResultMessage): void {
    const pending = this.#pending.get(requestId);
    if (pending === undefined) return;
    clearTimeout(pending.timer);
    this.#pending.delete(requestId);
    if (error === '') pending.resolve();
    else pending.reject(new BrokerClientError(RESULT_CODES[error] ?? 'PROTOCOL_ERROR', `direct message not accepted: ${error}`));
  }

  /** The session ended: waiting sends fail with its error (they may have arrived). */
  fail(error: Error): void {
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.#pending.clear();
  }
}

const RESULT_CODES: Record<string, 'NO_SUCH_PEER' | 'TIMEOUT'> = { NO_SUCH_PEER: 'NO_SUCH_PEER', TIMEOUT: 'TIMEOUT' };

/** A DIRECT to `target`; `requestId` 0 asks for no answer. */
export function directFrame(target: DirectTarget, body: Uint8Array, requestId = 0): Uint8Array {
  return Direct.encode({
    type: MessageType.DIRECT, requestId, body,
    ...(typeof target === 'number' ? { toAlias: target } : { toIdentity: utf8.encode(target.identity) }),
  });
}

/** Throws a TypeError for a target that names nobody. */
export function assertDirectTarget(target: DirectTarget): void {
  if (typeof target === 'number' ? Number.isSafeInteger(target) && target > 0 : typeof target?.identity === 'string' && target.identity !== '') return;
  throw new TypeError(`a direct message goes to an alias (a positive integer) or { identity } (a non-empty string), not ${JSON.stringify(target)}`);
}

/** A DIRECT from the comm server as the application gets it. */
export function directEvent({ fromAlias, fromIdentity, body }: DirectMessage, reliable: boolean): DirectEvent {
  return { from: fromAlias, ...(fromIdentity.length > 0 ? { identity: utf8Decoder.decode(fromIdentity) } : {}), body, reliable };
}
