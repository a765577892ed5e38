// Shared pieces of the hostile-input tests: a cluster whose comm server logs
// into memory (so a test can check that a response was logged), a bystander
// pair of real clients that must keep exchanging messages whatever happens
// to their neighbours, and waiting for a peer's close reason.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { BrokerClient } from '../../client/index.js';
import type { CommServer } from '../../commserver/index.js';
import type { CommServerLimits } from '../../shared/config.js';
import type { Logger } from '../../shared/log.js';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { loopbackWerift } from '../helpers/loopback.js';
import { Inbox, bodyText } from '../helpers/messages.js';


export { loopbackWerift };

/** A pino logger writing JSON lines into memory. */
export class LogCapture {
  readonly lines: Array<Record<string, unknown>> = [];
  readonly logger: Logger;

  constructor(level = 'info') {
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const line of chunk.toString('utf8').split('\n')) {
          if (!line) continue;
          this.lines.push(JSON.parse(line) as Record<string, unknown>);
          if (this.lines.length > 5_000) this.lines.splice(0, 1_000);
        }
        done();
      },
    });
    this.logger = pino({ level }, sink);
  }

  /** Lines for this alias (any of the fields tests match on). */
  about(alias: number): Array<Record<string, unknown>> {
    return this.lines.filter((line) => line.alias === alias);
  }
}

export interface HostileCluster extends TestCluster {
  server: CommServer;
  log: LogCapture;
}

/** A coordinator and `servers` comm servers (default 1), werift on loopback, the first server's log captured. */
export async function startHostileCluster(limits: Partial<CommServerLimits> = {}, servers = 1): Promise<HostileCluster> {
  const log = new LogCapture();
  const cluster = await startCluster({ servers: 0, serverOptions: { rtc: loopbackWerift, limits } });
  const first = await cluster.addServer({ logger: log.logger });
  for (let i = 1; i < servers; i++) await cluster.addServer();
  return Object.assign(cluster, { server: first, log });
}

/** Enough of a TestCluster for Bystanders: clients of a coordinator given by URL (one in a child process), kept in `clients` to close. */
export function clusterAt(url: string, clients: BrokerClient[]): TestCluster {
  return {
    nextClientServer: undefined,
    connect: async (options) => {
      const client = await BrokerClient.connect({ coordinatorUrl: url, ...options });
      clients.push(client);
      return client;
    },
  } as TestCluster;
}

/** Resolves with the reason the server closes the peer with this alias. */
export function closeReason(server: CommServer, alias: number, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      server.off('peerClosed', onClosed);
      reject(new Error(`peer ${alias} was not closed within ${timeoutMs} ms`));
    }, timeoutMs);
    const onClosed = (peer: { alias: number }, reason: string): void => {
      if (peer.alias !== alias) return;
      clearTimeout(timer);
      server.off('peerClosed', onClosed);
      resolve(reason);
    };
    server.on('peerClosed', onClosed);
  });
}

/** Two well-behaved clients on one topic; `exchange` proves both still send and receive. */
export class Bystanders {
  readonly a: BrokerClient;
  readonly b: BrokerClient;
  readonly #inboxA: Inbox;
  readonly #inboxB: Inbox;
  readonly topic: string;
  #round = 0;

  private constructor(a: BrokerClient, b: BrokerClient, topic: string) {
    this.a = a;
    this.b = b;
    this.topic = topic;
    this.#inboxA = new Inbox(a);
    this.#inboxB = new Inbox(b);
  }

  static async start(cluster: TestCluster, topic = 'bystanders', serverAliases?: [number, number]): Promise<Bystanders> {
    const clientOptions = { rtc: loopbackWerift, reconnect: { enabled: false } };
    cluster.nextClientServer = serverAliases?.[0];
    const a = await cluster.connect(clientOptions);
    cluster.nextClientServer = serverAliases?.[1];
    const b = await cluster.connect(clientOptions);
    cluster.nextClientServer = undefined;
    const pair = new Bystanders(a, b, topic);
    a.subscribe(topic);
    b.subscribe(topic);
    await Promise.all([a.ping(), b.ping()]);
    await pair.exchange();
    return pair;
  }

  /** Each sends a fresh message on both channels' worth of reliability and receives the other's. */
  async exchange(timeoutMs = 10_000): Promise<void> {
    const round = ++this.#round;
    const fromA = `a:${round}`;
    const fromB = `b:${round}`;
    const got = (inbox: Inbox, body: string) => inbox.until((messages) => messages.some((m) => bodyText(m) === body), timeoutMs);
    // Interest may still be travelling between servers: resend until it arrives.
    const timer = setInterval(() => {
      this.a.publish(this.topic, fromA);
      this.b.publish(this.topic, fromB);
    }, 100);
    try {
      this.a.publish(this.topic, fromA);
      this.b.publish(this.topic, fromB);
      await Promise.all([got(this.#inboxB, fromA), got(this.#inboxA, fromB)]);
    } finally {
      clearInterval(timer);
    }
  }
}
