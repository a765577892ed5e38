// The signaling relay between coordinators: a frame for a peer attached to
// another coordinator is published on `<prefix>.signal.<block>.<alias>`,
// where `block` is the alias block (alias-blocks.ts) the alias came from;
// each coordinator subscribes to `<prefix>.signal.<block>.*` for the blocks
// it claimed. The frame is the one the sender's coordinator re-encoded (its
// from_alias stamped). NATS core delivers at most once: a lost frame is a
// set-up that times out and is tried again, as with a lost WebSocket. The
// callback delivers each frame at once: nothing queues here. With the
// cluster secret each frame carries a seal (seal.ts) over its subject and
// bytes; one without a valid seal is dropped.
import { headers, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import type { Logger } from '../../shared/log.js';
import { blockOf } from './alias-blocks.js';
import { SEAL_HEADER, type NatsSeal } from '../../shared/nats-seal.js';

export interface SignalBusOptions {
  connection: NatsConnection;
  subjectPrefix: string;
  /** Seals frames out and checks them in; none: frames go and are taken as they are. */
  seal?: NatsSeal;
  deliver: (toAlias: number, frame: Uint8Array) => void;
  logger: Logger;
}

export interface SignalBusStats {
  /** Frames published to other coordinators. */
  published: number;
  /** Frames received from other coordinators. */
  received: number;
  /** Frames received on a subject without a valid alias. */
  malformed: number;
  /** Frames received without a valid seal (with the cluster secret). */
  unsealed: number;
}

export class SignalBus {
  readonly stats: SignalBusStats = { published: 0, received: 0, malformed: 0, unsealed: 0 };
  readonly #options: SignalBusOptions;
  readonly #subscriptions: Subscription[] = [];

  constructor(options: SignalBusOptions) {
    this.#options = options;
  }

  /** Receives the signaling of the aliases of `block`. */
  listen(block: number): void {
    const { connection, subjectPrefix, seal, logger } = this.#options;
    const subject = `${subjectPrefix}.signal.${block}.*`;
    this.#subscriptions.push(connection.subscribe(subject, {
      callback: (error, message) => {
        if (error) {
          logger.warn({ err: error.message, subject }, 'signal subscription failed');
          return;
        }
        const alias = Number(message.subject.slice(message.subject.lastIndexOf('.') + 1));
        if (!Number.isSafeInteger(alias) || blockOf(alias) !== block) {
          this.stats.malformed++;
          return;
        }
        if (seal !== undefined && !seal.verify(message.subject, message.data, message.headers?.get(SEAL_HEADER) || undefined)) {
          if (this.stats.unsealed++ % 100 === 0) logger.warn({ subject: message.subject, dropped: this.stats.unsealed }, 'dropped signaling without a valid seal');
          return;
        }
        this.stats.received++;
        this.#options.deliver(alias, message.data);
      },
    }));
  }

  publish(toAlias: number, frame: Uint8Array): void {
    const { connection, subjectPrefix, seal } = this.#options;
    const subject = `${subjectPrefix}.signal.${blockOf(toAlias)}.${toAlias}`;
    if (seal === undefined) {
      connection.publish(subject, frame);
    } else {
      const sealed = headers();
      sealed.set(SEAL_HEADER, seal.seal(subject, frame));
      connection.publish(subject, frame, { headers: sealed });
    }
    this.stats.published++;
  }

  close(): void {
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
    this.#subscriptions.length = 0;
  }
}
