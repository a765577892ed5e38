// The demo page (demo/, served by cli/demo-server.ts) in Chromium: it loads,
// connects, lists who is in the chat room by name, tells joins and leaves,
// shows a chat message and a cursor from a Node client, and a Node client
// gets what the page publishes. Screenshot: test-output/demo.png.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { DirectEvent, ReceivedMessage } from '../../client/index.js';
import { bodyText } from '../helpers/messages.js';
import { BrokerProcess } from '../../shared/processes.js';
import { launchChromium, startBrowserFixture, testOutputDir, type BrowserFixture, type Chromium, type NodePeer } from './harness.js';

describe('the demo page', () => {
  let fixture: BrowserFixture;
  let page: Page;
  let node: NodePeer;
  let pageAlias: number;
  const errors: string[] = [];
  const failedRequests: string[] = [];
  const consoleLines: string[] = [];

  before(async () => {
    fixture = await startBrowserFixture(2);
    const [s0] = fixture.cluster.servers.map((server) => server.alias!);
    // The page and the Node client share a server: a PING answered after a
    // SUBSCRIPTION on the same ordered channel proves the server applied it.
    node = await fixture.connectNode('node', s0);
    node.client.subscribe(['chat', 'cursors']);
    await node.client.ping();
    page = await fixture.chromium.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on('response', (response) => response.status() >= 400 && failedRequests.push(`${response.status()} ${response.url()}`));
    fixture.cluster.nextClientServer = s0;
    try {
      // WebRTC only: after a set-up slowed past the fallback timeout the page
      // would be on WebSocket, where nothing is unreliable.
      await page.goto(`${fixture.demo.url}?transport=webrtc`);
      // The page gives up after the client's connectTimeoutMs (15 s) and says
      // why; wait past that, so a failure reports the page's reason.
      const status = await page.waitForSelector('#status[data-state="connected"], #status[data-state="failed"], #status[data-state="closed"]', { timeout: 30_000 });
      assert.equal(await status.getAttribute('data-state'), 'connected', `the page did not connect: ${await status.textContent()}; console: ${consoleLines.join(' | ')}`);
    } finally {
      fixture.cluster.nextClientServer = undefined;
    }
    // The page pings every second, the first time right after subscribing.
    await page.waitForFunction(() => /ms$/.test(document.getElementById('rtt')!.textContent ?? ''), undefined, { timeout: 10_000 });
    pageAlias = Number(await page.getAttribute('#alias', 'data-alias'));
  });

  after(() => fixture?.close());

  /** The name the room list shows for `alias`, once it lists it. */
  const nameShown = async (alias: number) => (await (await page.waitForSelector(`#people li[data-alias="${alias}"]`, { timeout: 10_000 })).textContent())!;

  test('shows its name (its alias on hover), comm server and transport', async () => {
    assert.ok(pageAlias > 0);
    assert.equal(await page.getAttribute('#alias', 'title'), `#${pageAlias}`);
    assert.match((await page.textContent('#alias'))!, /^[A-Z][a-z]+ [A-Z][a-z]+$/);
    assert.equal(await page.textContent('#server'), `#${fixture.cluster.servers[0].alias}`);
    assert.equal(await page.textContent('#transport'), 'WebRTC');
    assert.deepEqual(await page.$$eval('#topic-list li', (items) => items.map((item) => (item as HTMLElement).dataset.topic)), ['chat', 'cursors']);
  });

  test('lists who is in the room by readable names, itself first; a client joining and leaving shows there and in the chat', async () => {
    const own = await nameShown(pageAlias);
    assert.equal(own, `${await page.textContent('#alias')} (you)`);
    const nodeName = await nameShown(node.alias);
    assert.match(nodeName, /^[A-Z][a-z]+ [A-Z][a-z]+$/);
    assert.deepEqual(await page.$$eval('#people li', (items) => items.map((item) => Number((item as HTMLElement).dataset.alias))), [pageAlias, node.alias]);
    assert.equal(await page.textContent('#people-count'), '2');
    // Another client, on the other comm server: its join reaches the page across the mesh.
    const [, s1] = fixture.cluster.servers.map((server) => server.alias!);
    const other = await fixture.connectNode('other', s1);
    other.client.subscribe(['chat']);
    const joined = await page.waitForSelector(`#chat-log li[data-event="join"][data-alias="${other.alias}"]`, { timeout: 10_000 });
    const otherName = await nameShown(other.alias);
    assert.equal(await joined.textContent(), `${otherName}joined`);
    assert.equal(await page.getAttribute(`#people li[data-alias="${other.alias}"] .who`, 'title'), `#${other.alias}`);
    other.client.unsubscribe(['chat']);
    const left = await page.waitForSelector(`#chat-log li[data-event="leave"][data-alias="${other.alias}"]`, { timeout: 10_000 });
    assert.equal(await left.textContent(), `${otherName}left`);
    await page.waitForSelector(`#people li[data-alias="${other.alias}"]`, { state: 'detached', timeout: 10_000 });
    await other.close();
  });

  test('shows a chat message published by a Node client, under its name', async () => {
    node.client.publish('chat', 'hello from Node');
    const line = await page.waitForSelector(`#chat-log li[data-from="${node.alias}"]`, { timeout: 10_000 });
    assert.equal(await line.textContent(), `${await nameShown(node.alias)}hello from Node`);
  });

  test("shows a Node client's cursor", async () => {
    // A cursor is a stream of unreliable updates: send one every 66 ms until the page draws it.
    const stream = setInterval(() => node.client.publish('cursors', JSON.stringify({ x: 0.62, y: 0.4 }), { reliable: false }), 66);
    try {
      await page.waitForSelector(`#board .cursor[data-alias="${node.alias}"]`, { timeout: 10_000 });
    } finally {
      clearInterval(stream);
    }
  });

  test("the page's chat and cursor reach the Node client", async () => {
    await page.fill('#chat-input', 'hello from Chromium');
    await page.click('#chat-form button[type="submit"]');
    const chat = await node.waitFor({ topic: 'chat', body: 'hello from Chromium' });
    assert.deepEqual(chat, { topic: 'chat', from: pageAlias, body: 'hello from Chromium', reliable: true });

    const box = (await (await page.$('#board'))!.boundingBox())!;
    const cursorSeen = node.inbox.until((messages) => messages.some((m) => m.topic === 'cursors' && m.from === pageAlias), 10_000);
    for (let step = 0; step <= 10; step++) {
      await page.mouse.move(box.x + box.width * (0.2 + step * 0.01), box.y + box.height * (0.6 - step * 0.01));
    }
    await cursorSeen;
    const cursor = node.inbox.messages.find((m) => m.topic === 'cursors' && m.from === pageAlias)!;
    assert.equal(cursor.reliable, false);
    const position = JSON.parse(bodyText(cursor)) as { x: number; y: number };
    assert.ok(position.x > 0.15 && position.x < 0.35 && position.y > 0.45 && position.y < 0.65, JSON.stringify(position));
  });

  test('a click on a person sends them the next chat line as a direct message; one to the page shows in its chat', async () => {
    const received = new Promise<DirectEvent>((resolve) => node.client.once('direct', resolve));
    await page.click(`#people li[data-alias="${node.alias}"] button`);
    assert.equal(await page.textContent('#chat-target-name'), await nameShown(node.alias));
    await page.fill('#chat-input', 'psst');
    await page.click('#chat-form button[type="submit"]');
    const direct = await received;
    assert.deepEqual({ from: direct.from, body: new TextDecoder().decode(direct.body), reliable: direct.reliable }, { from: pageAlias, body: 'psst', reliable: true });
    await page.waitForSelector(`#chat-log li[data-event="direct-sent"][data-to="${node.alias}"][data-state="delivered"]`, { timeout: 10_000 });
    assert.ok(!node.inbox.messages.some((m) => bodyText(m) === 'psst'), 'not published to the room');

    await node.client.sendTo(pageAlias, 'just for you');
    const line = await page.waitForSelector(`#chat-log li[data-event="direct"][data-from="${node.alias}"]`, { timeout: 10_000 });
    assert.equal(await line.textContent(), `${await nameShown(node.alias)}to youjust for you`);

    await page.click('#chat-target-clear');
    assert.equal(await page.isHidden('#chat-target'), true);
    await page.fill('#chat-input', 'to everyone again');
    await page.click('#chat-form button[type="submit"]');
    await node.waitFor({ topic: 'chat', body: 'to everyone again' });
  });

  test("a still pointer keeps the page's cursor alive for the others: its position is sent again", async () => {
    const box = (await (await page.$('#board'))!.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.3);
    const at = (m: ReceivedMessage) =>
      m.topic === 'cursors' && m.from === pageAlias && (JSON.parse(bodyText(m)) as { x: number }).x > 0.75;
    await node.inbox.until((messages) => messages.some(at), 10_000);
    const first = node.inbox.messages.filter(at).length;
    // No pointer event: the page sends the same position again (every 1.5 s), under the others' 5 s timeout.
    await node.inbox.until((messages) => messages.filter(at).length >= first + 2, 10_000);
  });

  test('the hint sits below the grid, not on it; the page icon is served (no failed request)', async () => {
    const board = (await (await page.$('#board'))!.boundingBox())!;
    const hint = (await (await page.$('#board-panel .hint'))!.boundingBox())!;
    assert.ok(hint.y >= board.y + board.height, `hint at ${hint.y}, grid ends at ${board.y + board.height}`);
    assert.ok(await page.$('link[rel="icon"]'));
    assert.deepEqual(failedRequests, []);
  });

  test('subscribing from the page adds a topic, and messages on it are listed', async () => {
    await page.fill('#subscribe-input', 'news');
    await page.click('#subscribe-form button');
    await page.waitForSelector('#topic-list li[data-topic="news"]');
    // The page's next ping answer proves its server applied the new SUBSCRIPTION.
    const rtt = await page.textContent('#rtt');
    await page.waitForFunction((before) => document.getElementById('rtt')!.textContent !== before, rtt, { timeout: 10_000 });
    node.client.publish('news', 'breaking', { reliable: false });
    const line = await page.waitForSelector('#message-log li:has-text("breaking")', { timeout: 10_000 });
    assert.equal(await line.textContent(), `news · unreliable${await nameShown(node.alias)}breaking`);
  });

  test('?transport=websocket puts the page on the WebSocket endpoint and says so', async () => {
    const fallback = await fixture.chromium.context.newPage();
    try {
      await fallback.goto(`${fixture.demo.url}?transport=websocket`);
      await fallback.waitForSelector('#status[data-state="connected"]', { timeout: 15_000 });
      assert.equal(await fallback.textContent('#transport'), 'WebSocket');
    } finally {
      await fallback.close();
    }
  });

  test('looks right (screenshot in test-output/demo.png) with no page errors', async () => {
    // Our own cursor on the board too.
    const box = (await (await page.$('#board'))!.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.65);
    await page.waitForSelector(`#board .cursor[data-alias="${pageAlias}"]`);
    await mkdir(testOutputDir, { recursive: true });
    await page.screenshot({ path: join(testOutputDir, 'demo.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });
});

describe('broker cluster (npm start) serves the demo page', () => {
  test('prints the URL; a page from it connects to one of its comm servers', async () => {
    const cluster = new BrokerProcess(['cluster', '--servers', '2', '--port', '0', '--demo-port', '0'], { stderr: 'ignore' });
    let browser: Chromium | undefined;
    try {
      const [, url] = await cluster.waitForLine(/^demo page: (http:\/\/127\.0\.0\.1:\d+\/)/);
      const [, aliases] = await cluster.waitForLine(/^comm server aliases: (.+)$/);
      browser = await launchChromium();
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.waitForSelector('#status[data-state="connected"]', { timeout: 15_000 });
      const server = (await page.textContent('#server'))!.replace('#', '');
      assert.ok(aliases.split(', ').includes(server), `${server} is one of ${aliases}`);
      await browser.close();
      await cluster.stop(); // SIGTERM, as Ctrl-C: the cluster stops its children and exits 0 (SIGKILL after 5 s)
      assert.equal(await cluster.exited, 0);
    } finally {
      await browser?.close();
      await cluster.kill();
    }
  });
});
