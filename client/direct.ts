// The client's side of direct messages (docs/PROTOCOL.md, "Direct
// messages"): reliable sends waiting for their DIRECT_RESULT, and DIRECT
// frames turned into `direct` events.
import { Direct, MessageType, type DirectMessage, type DirectResultMessage } from '../shared/codec.js';
import { BrokerClientError } from './errors.js';
import { PendingRequests } from './pending-requests.js';

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

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

export class DirectRequests {
  readonly #requests: PendingRequests<void>;

  constructor(options: DirectRequestsOptions) {
    this.#requests = new PendingRequests(options.timeoutMs);
  }

  /**
   * Sends a reliable DIRECT (`send` gets its frame) and resolves once the
   * comm server says a server holding the target accepted it; rejects with
   * its error, after the timeout, or with `fail`.
   */
  request(target: DirectTarget, body: Uint8Array, send: (frame: Uint8Array) => void): Promise<void> {
    return this.#requests.open(
      undefined,
      (requestId) => send(directFrame(target, body, requestId)),
      (timeoutMs) => new BrokerClientError('TIMEOUT', `no answer to a direct message within ${timeoutMs} ms`),
    );
  }

  /** The comm server's answer to a reliable send. */
  result({ requestId, error }: DirectResultMessage): void {
    if (error === '') this.#requests.resolve(requestId);
    else this.#requests.reject(requestId, new BrokerClientError(RESULT_CODES[error] ?? 'PROTOCOL_ERROR', `direct message not accepted: ${error}`));
  }

  /** The session ended: waiting sends fail with its error (they may have arrived). */
  fail(error: Error): void {
    this.#requests.failAll(error);
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
