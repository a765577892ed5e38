// Chromium (Debian's /usr/bin/chromium, never a downloaded one) driven by
// playwright-core, with a test page that loads the browser bundle from the
// demo server and exposes a small API to the tests. Node clients (werift,
// libwebrtc) get the same shape, so a test can mix them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { BrokerClient, BrokerClientOptions } from '../../client/index.js';
import { DemoServer } from '../../cli/demo-server.js';
import { connectTo, startCluster, type TestCluster } from '../helpers/cluster.js';
import { Inbox, bodyText } from '../helpers/messages.js';

/** dist/browser/broker-client.js; this file runs from dist/test/browser/. */
export const bundlePath = fileURLToPath(new URL('../../browser/broker-client.js', import.meta.url));
/** Screenshots and other artifacts (gitignored; kept by CI). */
export const testOutputDir = fileURLToPath(new URL('../../../test-output/', import.meta.url));

export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh user-data dir, removed again on close. */
export async function launchChromium(): Promise<Chromium> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'broker-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1280, height: 800 },
    });
    return {
      context,
      async close() {
        await context.close().catch(() => undefined);
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

export interface SeenMessage { topic: string; from: number; body: string; reliable: boolean }

/** A `join` or `leave` event, as a test page records it. */
export interface SeenMemberEvent { event: 'join' | 'leave'; topic: string; alias: number; reason?: string }

/** What a test page's presence(topic) resolved to. */
export interface SeenPresence { members: Array<{ alias: number; serverAlias: number }>; truncated: boolean }

/** What the tests need from any client, in a browser or in Node. */
export interface Peer {
  readonly name: string;
  readonly alias: number;
  readonly serverAlias: number;
  subscribe(topics: string[]): Promise<void>;
  publish(topic: string, body: string, reliable?: boolean): Promise<void>;
  /** Resolves with the first message (received so far or later) matching all given fields. */
  waitFor(match: Partial<SeenMessage>, timeoutMs?: number): Promise<SeenMessage>;
  close(): Promise<void>;
}

/**
 * The test page: wraps RTCPeerConnection to record peer connections, their
 * local ICE candidates and received data channels, then imports the bundle.
 */
const testPage = `<!doctype html>
<html><head><meta charset="utf-8"><title>broker test page</title>
<script>
  window.recorded = { candidates: [], channels: [] };
  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(config) {
      super(config);
      this.addEventListener('icecandidate', (event) => { if (event.candidate) recorded.candidates.push(event.candidate.candidate); });
      this.addEventListener('datachannel', (event) => recorded.channels.push(event.channel));
    }
  };
</script>
<script type="module">
  import * as broker from '/lib/broker-client.js';
  const text = new TextDecoder();
  const received = [];
  const waiters = new Set();
  let client;
  const matches = (message, match) => Object.entries(match).every(([key, value]) => message[key] === value);
  const record = (message) => {
    received.push(message);
    for (const waiter of [...waiters]) waiter(message);
  };
  window.harness = {
    async connect(coordinatorUrl) {
      client = await broker.BrokerClient.connect({ coordinatorUrl, transport: 'webrtc' });
      client.on('message', (m) => record({ topic: m.topic, from: m.from, body: text.decode(m.body), reliable: m.reliable }));
      // Presence events are recorded beside the messages, with an event field.
      client.on('join', (e) => record({ event: 'join', topic: e.topic, alias: e.alias }));
      client.on('leave', (e) => record({ event: 'leave', topic: e.topic, alias: e.alias, reason: e.reason }));
      return { alias: client.alias, serverAlias: client.serverAlias };
    },
    subscribe: (topics, options) => client.subscribe(topics, options),
    unsubscribe: (topics) => client.unsubscribe(topics),
    async presence(topic) {
      const members = await client.presence(topic);
      return { members: members.map(({ alias, serverAlias }) => ({ alias, serverAlias })), truncated: members.truncated };
    },
    publish: (topic, body, reliable) => client.publish(topic, body, { reliable }),
    waitFor: (match, timeoutMs) => new Promise((resolve, reject) => {
      const earlier = received.find((message) => matches(message, match));
      if (earlier) return resolve(earlier);
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error('nothing matching ' + JSON.stringify(match) + ' within ' + timeoutMs + ' ms'));
      }, timeoutMs);
      const waiter = (message) => {
        if (!matches(message, match)) return;
        waiters.delete(waiter);
        clearTimeout(timer);
        resolve(message);
      };
      waiters.add(waiter);
    }),
    channels: () => recorded.channels.map(({ label, ordered, maxRetransmits, readyState }) => ({ label, ordered, maxRetransmits, readyState })),
    candidates: () => [...recorded.candidates],
    close: () => client?.close(),
  };
  document.body.dataset.ready = 'true';
</script>
</head><body></body></html>`;

export interface ChannelInfo { label: string; ordered: boolean; maxRetransmits: number | null; readyState: string }

export class BrowserPeer implements Peer {
  readonly name: string;
  readonly page: Page;
  alias = 0;
  serverAlias = 0;

  private constructor(name: string, page: Page) {
    this.name = name;
    this.page = page;
  }

  /**
   * Opens the test page and connects. The page must come from a real
   * 127.0.0.1 server: Chromium's Local Network Access checks block a
   * WebSocket to 127.0.0.1 from a page without a loopback address.
   */
  static async open(name: string, context: BrowserContext, testPageServerUrl: string, coordinatorUrl: string): Promise<BrowserPeer> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL('/test-page.html', testPageServerUrl).toString());
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 10_000 }).catch((error: Error) => {
      throw new Error(`test page did not load: ${errors.join('; ') || error.message}`);
    });
    const peer = new BrowserPeer(name, page);
    const { alias, serverAlias } = await page.evaluate((url) => window.harness.connect(url), coordinatorUrl);
    peer.alias = alias;
    peer.serverAlias = serverAlias;
    return peer;
  }

  async subscribe(topics: string[], options: { presence?: boolean } = {}): Promise<void> {
    await this.page.evaluate(([topics, options]) => window.harness.subscribe(topics, options), [topics, options] as const);
  }

  async unsubscribe(topics: string[]): Promise<void> {
    await this.page.evaluate((topics) => window.harness.unsubscribe(topics), topics);
  }

  /** The page's presence(topic): aliases and servers of the members, and whether the list was cut. */
  presence(topic: string): Promise<SeenPresence> {
    return this.page.evaluate((topic) => window.harness.presence(topic), topic);
  }

  async publish(topic: string, body: string, reliable = true): Promise<void> {
    await this.page.evaluate(([topic, body, reliable]) => window.harness.publish(topic, body, reliable), [topic, body, reliable] as const);
  }

  waitFor(match: Partial<SeenMessage>, timeoutMs = 15_000): Promise<SeenMessage> {
    return this.page.evaluate(([match, timeoutMs]) => window.harness.waitFor(match, timeoutMs), [match, timeoutMs] as const) as Promise<SeenMessage>;
  }

  /** Resolves with the first `join` or `leave` event (recorded so far or later) matching all given fields. */
  waitForMember(match: Partial<SeenMemberEvent> & Pick<SeenMemberEvent, 'event'>, timeoutMs = 15_000): Promise<SeenMemberEvent> {
    return this.page.evaluate(([match, timeoutMs]) => window.harness.waitFor(match, timeoutMs), [match, timeoutMs] as const) as Promise<SeenMemberEvent>;
  }

  channels(): Promise<ChannelInfo[]> {
    return this.page.evaluate(() => window.harness.channels());
  }

  /** The ICE candidates Chromium gathered for its peer connections. */
  candidates(): Promise<string[]> {
    return this.page.evaluate(() => window.harness.candidates());
  }

  async close(): Promise<void> {
    await this.page.evaluate(() => window.harness.close()).catch(() => undefined);
    await this.page.close().catch(() => undefined);
  }
}

interface PageHarness {
  connect(coordinatorUrl: string): Promise<{ alias: number; serverAlias: number }>;
  subscribe(topics: string[], options: { presence?: boolean }): void;
  unsubscribe(topics: string[]): void;
  presence(topic: string): Promise<SeenPresence>;
  publish(topic: string, body: string, reliable: boolean): void;
  /** Messages and member events are recorded together: `event` tells them apart. */
  waitFor(match: Partial<SeenMessage> | Partial<SeenMemberEvent>, timeoutMs: number): Promise<SeenMessage | SeenMemberEvent>;
  channels(): ChannelInfo[];
  candidates(): string[];
  close(): void;
}

declare global {
  /** The test page's API, used from page.evaluate (code that runs inside the browser). */
  interface Window { harness: PageHarness }
}

export class NodePeer implements Peer {
  readonly name: string;
  readonly client: BrokerClient;
  readonly inbox: Inbox;

  constructor(name: string, client: BrokerClient) {
    this.name = name;
    this.client = client;
    this.inbox = new Inbox(client);
  }

  get alias(): number {
    return this.client.alias;
  }

  get serverAlias(): number {
    return this.client.serverAlias;
  }

  async subscribe(topics: string[]): Promise<void> {
    this.client.subscribe(topics);
  }

  async publish(topic: string, body: string, reliable = true): Promise<void> {
    this.client.publish(topic, body, { reliable });
  }

  async waitFor(match: Partial<SeenMessage>, timeoutMs = 15_000): Promise<SeenMessage> {
    const seen = () => this.inbox.messages
      .map((m): SeenMessage => ({ topic: m.topic, from: m.from, body: bodyText(m), reliable: m.reliable }))
      .find((m) => Object.entries(match).every(([key, value]) => m[key as keyof SeenMessage] === value));
    await this.inbox.until(() => seen() !== undefined, timeoutMs);
    return seen()!;
  }

  async close(): Promise<void> {
    this.client.close();
  }
}

/**
 * Subscriptions reach other servers asynchronously: every peer publishes a
 * probe on `topic` every `intervalMs` until each has seen a probe from every
 * other one. From then on, interest has propagated through the mesh.
 */
export async function untilRouted(topic: string, peers: Peer[], intervalMs = 50): Promise<void> {
  const probe = `probe:${topic}`;
  const timer = setInterval(() => {
    for (const peer of peers) peer.publish(topic, probe).catch(() => undefined);
  }, intervalMs);
  try {
    await Promise.all(peers.flatMap((receiver) => peers
      .filter((sender) => sender !== receiver)
      .map((sender) => receiver.waitFor({ topic, from: sender.alias, body: probe }))));
  } finally {
    clearInterval(timer);
  }
}

/**
 * An in-process cluster, Chromium and two static servers: the demo (the real
 * demo/ folder) and the test page's (a temporary folder holding test-page.html),
 * both with the bundle at /lib/.
 */
export interface BrowserFixture {
  cluster: TestCluster;
  demo: DemoServer;
  chromium: Chromium;
  /** Opens a test page pinned to comm server `serverAlias` and connects it. */
  openPage(name: string, serverAlias: number): Promise<BrowserPeer>;
  /** Connects a Node client (werift unless `options` say otherwise) pinned to `serverAlias`. */
  connectNode(name: string, serverAlias: number, options?: Partial<BrokerClientOptions>): Promise<NodePeer>;
  close(): Promise<void>;
}

export async function startBrowserFixture(servers: number): Promise<BrowserFixture> {
  const cluster = await startCluster({ servers });
  const closers: Array<() => Promise<void>> = [() => cluster.close()];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => undefined);
  };
  try {
    const demo = await DemoServer.start({ coordinatorUrl: cluster.coordinator.url, port: 0 });
    closers.push(() => demo.close());
    const pageDir = await mkdtemp(join(tmpdir(), 'broker-test-page-'));
    closers.push(() => rm(pageDir, { recursive: true, force: true }));
    await writeFile(join(pageDir, 'test-page.html'), testPage);
    const pageServer = await DemoServer.start({ coordinatorUrl: cluster.coordinator.url, port: 0, demoDir: pageDir });
    closers.push(() => pageServer.close());
    const browser = await launchChromium();
    closers.push(() => browser.close());
    return {
      cluster,
      demo,
      chromium: browser,
      async openPage(name, serverAlias) {
        cluster.nextClientServer = serverAlias;
        try {
          return await BrowserPeer.open(name, browser.context, pageServer.url, cluster.coordinator.url);
        } finally {
          cluster.nextClientServer = undefined;
        }
      },
      async connectNode(name, serverAlias, options) {
        const [client] = await connectTo(cluster, [serverAlias], options);
        return new NodePeer(name, client);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
