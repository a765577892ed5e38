// Re-homing after a lost connection: open a new session through the
// coordinator (which picks a live comm server), with capped exponential
// backoff, until it works, the client is closed, or the attempts run out.
import pRetry, { AbortError } from 'p-retry';
import { BrokerClientError, type BrokerClientErrorCode } from './errors.js';
import type { Session } from './session.js';

export interface ReconnectOptions {
  /** Re-home automatically when the connection is lost (not after `close()`). Default true. */
  enabled: boolean;
  /** Delay before the second attempt; the first is immediate. Default 250. */
  minDelayMs: number;
  /** Cap of the exponential backoff. Default 5000. */
  maxDelayMs: number;
  /** Attempts before giving up and closing. Default Infinity. */
  maxAttempts: number;
}

export const reconnectDefaults: ReconnectOptions = { enabled: true, minDelayMs: 250, maxDelayMs: 5_000, maxAttempts: Number.POSITIVE_INFINITY };

export interface ReconnectAttempt {
  attempt: number;
  error: BrokerClientError;
}

/** Failures that trying again cannot mend: the credentials were refused, the client kicked or banned. */
const PERMANENT_FAILURES: ReadonlySet<BrokerClientErrorCode> = new Set(['AUTH_FAILED', 'COORDINATOR_REFUSED', 'KICKED', 'BANNED']);
/** Failures that end a client rather than re-home it: the operator wants it gone. */
export const ENDING_FAILURES: ReadonlySet<BrokerClientErrorCode> = new Set(['KICKED', 'BANNED']);

/**
 * The first connection: up to `attempts` tries, with the re-homing backoff
 * (jittered, so that many clients starting together spread out), as long as
 * the failure is one that may pass. Rejects with the last error.
 */
export function openFirstSession(
  open: () => Promise<Session>, attempts: number, backoff: Pick<ReconnectOptions, 'minDelayMs' | 'maxDelayMs'>,
  onFailedAttempt: (attempt: ReconnectAttempt) => void,
): Promise<Session> {
  return pRetry(open, {
    retries: Math.max(0, attempts - 1),
    minTimeout: backoff.minDelayMs,
    maxTimeout: backoff.maxDelayMs,
    randomize: true,
    shouldRetry: ({ error }) => !(error instanceof BrokerClientError && PERMANENT_FAILURES.has(error.code)),
    onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
      if (retriesLeft === 0 || (error instanceof BrokerClientError && PERMANENT_FAILURES.has(error.code))) return;
      onFailedAttempt({
        attempt: attemptNumber,
        error: error instanceof BrokerClientError ? error : new BrokerClientError('CLOSED', error.message, { cause: error }),
      });
    },
  });
}

/** Resolves with the new session, or rejects with the last error (or CLOSED once `signal` aborts); a kicked or banned client stops at once. */
export function reopenSession(
  open: () => Promise<Session>, options: ReconnectOptions, signal: AbortSignal, onFailedAttempt: (attempt: ReconnectAttempt) => void,
): Promise<Session> {
  return pRetry(async () => {
    if (signal.aborted) throw new AbortError(new BrokerClientError('CLOSED', 'client closed'));
    return open();
  }, {
    retries: options.maxAttempts - 1,
    minTimeout: options.minDelayMs,
    maxTimeout: options.maxDelayMs,
    randomize: true,
    signal,
    shouldRetry: ({ error }) => !(error instanceof BrokerClientError && ENDING_FAILURES.has(error.code)),
    onFailedAttempt: ({ error, attemptNumber }) => onFailedAttempt({
      attempt: attemptNumber,
      error: error instanceof BrokerClientError ? error : new BrokerClientError('CLOSED', error.message, { cause: error }),
    }),
  });
}
