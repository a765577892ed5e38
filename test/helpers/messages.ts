import type { TestContext } from 'node:test';
import type { BrokerClient, ReceivedMessage } from '../../client/index.js';
import { EventLog } from './event-log.js';

const text = new TextDecoder();

export function bodyText(message: ReceivedMessage): string {
  return text.decode(message.body);
}

/** Records every message a client receives, and lets a test await the ones it expects. */
export class Inbox {
  readonly #log = new EventLog<ReceivedMessage>((messages) => messages.slice(-10).map(bodyText).join(', '));
  readonly #stop: () => void;

  constructor(client: BrokerClient) {
    const record = (message: ReceivedMessage): void => this.#log.push(message);
    client.on('message', record);
    this.#stop = () => client.off('message', record);
  }

  get messages(): ReceivedMessage[] {
    return this.#log.events;
  }

  /** Stops recording: later messages are not added. */
  stop(): void {
    this.#stop();
  }

  texts(filter: (message: ReceivedMessage) => boolean = () => true): string[] {
    return this.messages.filter(filter).map(bodyText);
  }

  /** Resolves once `done` holds for the messages received so far. */
  until(done: (messages: ReceivedMessage[]) => boolean, timeoutMs = 15_000): Promise<void> {
    return this.#log.until(done, timeoutMs);
  }
}

/**
 * Subscriptions reach other servers asynchronously. Publishes `probe` on the
 * topic from each publisher (every `intervalMs`) until each receiver has
 * seen a probe from each publisher: from then on, interest has propagated.
 */
export async function untilRouted(
  topic: string, publishers: BrokerClient[], receivers: Array<{ client: BrokerClient; inbox: Inbox }>, intervalMs = 20,
): Promise<void> {
  const probe = `probe:${topic}`;
  const timer = setInterval(() => {
    for (const publisher of publishers) publisher.publish(topic, probe);
  }, intervalMs);
  try {
    await Promise.all(receivers.map(({ client, inbox }) => inbox.until((messages) => publishers
      .filter((publisher) => publisher !== client)
      .every((publisher) => messages.some((m) => m.from === publisher.alias && m.topic === topic && bodyText(m) === probe)))));
  } finally {
    clearInterval(timer);
  }
}

export const isProbe = (message: ReceivedMessage) => bodyText(message).startsWith('probe:');

/**
 * Publishes `bodies` on `topic`, one every `intervalMs`, as an application
 * publishing state would, until `stop()` or the end of the test.
 */
export function publishPaced(
  t: TestContext, publisher: BrokerClient, topic: string, bodies: readonly string[], intervalMs: number,
): { readonly published: number; stop(): void } {
  let published = 0;
  const ticker = setInterval(() => {
    if (published < bodies.length) publisher.publish(topic, bodies[published++]);
  }, intervalMs);
  const stop = (): void => clearInterval(ticker);
  t.after(stop);
  return {
    get published() {
      return published;
    },
    stop,
  };
}
