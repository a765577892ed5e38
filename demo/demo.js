// The demo page: one broker client per tab, on whichever comm server the
// coordinator picks. Cursors travel on `cursors` (unreliable), chat on `chat`
// (reliable); any other topic can be subscribed to and published on.
//
// The coordinator URL comes from `?coordinator=ws://...` in the page URL, or
// from /config.json (`broker cluster` serves it), which may also name
// `iceServers` for the clients. `?transport=webrtc|websocket` pins the
// transport; by default WebRTC is tried first and the comm server's
// WebSocket endpoint used if WebRTC does not come up.
import { BrokerClient } from './lib/broker-client.js';

const CURSOR_TOPIC = 'cursors';
const CHAT_TOPIC = 'chat';
const CURSOR_INTERVAL_MS = 66; // at most ~15 updates a second while the mouse moves
const CURSOR_TIMEOUT_MS = 5000; // a cursor not heard from for this long disappears
// A still pointer is sent again this often, so that other tabs keep showing it
// while this page is connected (an unreliable update may be lost: several per timeout).
const CURSOR_REFRESH_MS = 1500;
const MAX_LOG_LINES = 200;

const $ = (id) => document.getElementById(id);
const utf8 = new TextEncoder();
const text = new TextDecoder();

let client;
const rates = { in: { messages: 0, bytes: 0 }, out: { messages: 0, bytes: 0 } };
const cursors = new Map(); // alias -> { element, seen }

function colorOf(alias) {
  return `hsl(${((alias % 360) * 137) % 360} 70% 42%)`;
}

function setStatus(state, message) {
  const status = $('status');
  status.dataset.state = state;
  status.textContent = message;
  document.body.dataset.state = state;
}

async function loadConfig() {
  const params = new URLSearchParams(location.search);
  const fromQuery = params.get('coordinator');
  if (fromQuery) return { coordinatorUrl: fromQuery };
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return response.json();
}

async function main() {
  let config;
  try {
    config = await loadConfig();
    setStatus('connecting', `connecting to ${config.coordinatorUrl}…`);
    const transport = new URLSearchParams(location.search).get('transport') ?? 'auto';
    client = await BrokerClient.connect({ coordinatorUrl: config.coordinatorUrl, iceServers: config.iceServers ?? [], transport });
  } catch (error) {
    setStatus('failed', `could not connect: ${error.code ?? ''} ${error.message}`);
    $('reconnect').hidden = false;
    return;
  }
  setStatus('connected', 'connected');
  $('alias').textContent = `#${client.alias}`;
  $('alias').style.color = colorOf(client.alias);
  $('server').textContent = `#${client.serverAlias}`;
  $('transport').textContent = client.transport === 'webrtc' ? 'WebRTC' : 'WebSocket';
  $('transport').dataset.transport = client.transport;
  for (const input of document.querySelectorAll('input, button')) input.disabled = false;

  client.on('message', onMessage);
  client.on('close', (error) => {
    setStatus('closed', `disconnected: ${error.code} ${error.message}`);
    for (const input of document.querySelectorAll('form input, form button')) input.disabled = true;
    $('reconnect').hidden = false;
  });
  subscribe([CHAT_TOPIC, CURSOR_TOPIC]);
  startStats();
  startCursorTracking();
  startForms();
}

function subscribe(topics) {
  client.subscribe(topics);
  renderTopics();
}

function publish(topic, body, reliable) {
  const bytes = typeof body === 'string' ? utf8.encode(body) : body;
  client.publish(topic, bytes, { reliable });
  rates.out.messages++;
  rates.out.bytes += bytes.byteLength;
}

function onMessage({ topic, from, body, reliable }) {
  rates.in.messages++;
  rates.in.bytes += body.byteLength;
  if (topic === CURSOR_TOPIC) {
    onCursor(from, body);
  } else if (topic === CHAT_TOPIC) {
    appendChat(from, text.decode(body));
  } else {
    appendLine($('message-log'), [
      meta(`${topic} · ${reliable ? 'reliable' : 'unreliable'}`),
      who(from),
      document.createTextNode(text.decode(body)),
    ]);
  }
}

// --- chat ---------------------------------------------------------------

function who(alias, label = `#${alias}`) {
  const span = document.createElement('span');
  span.className = 'who';
  span.style.setProperty('--color', colorOf(alias));
  span.textContent = label;
  return span;
}

function meta(label) {
  const span = document.createElement('span');
  span.className = 'meta';
  span.textContent = label;
  return span;
}

function appendLine(list, children, dataset = {}) {
  const item = document.createElement('li');
  Object.assign(item.dataset, dataset);
  item.append(...children);
  const stick = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
  list.append(item);
  while (list.children.length > MAX_LOG_LINES) list.firstElementChild.remove();
  if (stick) list.scrollTop = list.scrollHeight;
}

function appendChat(from, message) {
  const self = from === client.alias;
  appendLine($('chat-log'), [who(from, self ? `#${from} (you)` : `#${from}`), document.createTextNode(message)], { from: String(from) });
}

// --- cursors -----------------------------------------------------------

function cursorElement(alias) {
  let cursor = cursors.get(alias);
  if (!cursor) {
    const element = document.createElement('div');
    element.className = 'cursor';
    element.dataset.alias = String(alias);
    element.style.setProperty('--color', colorOf(alias));
    const label = document.createElement('span');
    label.textContent = alias === client.alias ? `#${alias} (you)` : `#${alias}`;
    element.append(label);
    $('board').append(element);
    cursor = { element, seen: 0 };
    cursors.set(alias, cursor);
  }
  return cursor;
}

function placeCursor(alias, x, y) {
  const cursor = cursorElement(alias);
  cursor.seen = performance.now();
  cursor.element.style.left = `${(x * 100).toFixed(2)}%`;
  cursor.element.style.top = `${(y * 100).toFixed(2)}%`;
}

function removeCursor(alias) {
  cursors.get(alias)?.element.remove();
  cursors.delete(alias);
}

function onCursor(from, body) {
  let position;
  try {
    position = JSON.parse(text.decode(body));
  } catch {
    return;
  }
  if (position?.gone) removeCursor(from);
  else if (Number.isFinite(position?.x) && Number.isFinite(position?.y)) {
    placeCursor(from, Math.min(1, Math.max(0, position.x)), Math.min(1, Math.max(0, position.y)));
  }
}

function startCursorTracking() {
  const board = $('board');
  let latest;
  let lastSent = -Infinity;
  let timer;
  const send = () => {
    timer = undefined;
    if (!latest || client.closed) return;
    lastSent = performance.now();
    publish(CURSOR_TOPIC, JSON.stringify(latest), false);
  };
  board.addEventListener('pointermove', (event) => {
    const box = board.getBoundingClientRect();
    latest = { x: +((event.clientX - box.left) / box.width).toFixed(4), y: +((event.clientY - box.top) / box.height).toFixed(4) };
    placeCursor(client.alias, latest.x, latest.y);
    const wait = CURSOR_INTERVAL_MS - (performance.now() - lastSent);
    if (wait <= 0) send();
    else timer ??= setTimeout(send, wait);
  });
  setInterval(() => {
    if (latest && !timer && performance.now() - lastSent >= CURSOR_REFRESH_MS) send();
  }, CURSOR_REFRESH_MS / 3);
  board.addEventListener('pointerleave', () => {
    clearTimeout(timer);
    timer = undefined;
    latest = undefined;
    removeCursor(client.alias);
    if (!client.closed) publish(CURSOR_TOPIC, JSON.stringify({ gone: true }), false);
  });
}

// --- stats -------------------------------------------------------------

function formatRate({ messages, bytes }, seconds) {
  const perSecond = bytes / seconds;
  const size = perSecond >= 1024 ? `${(perSecond / 1024).toFixed(1)} KiB/s` : `${Math.round(perSecond)} B/s`;
  return `${(messages / seconds).toFixed(messages / seconds < 10 ? 1 : 0)} msg/s · ${size}`;
}

function startStats() {
  let last = performance.now();
  const tick = async () => {
    if (client.closed) return;
    const now = performance.now();
    const seconds = (now - last) / 1000;
    last = now;
    $('rate-in').textContent = formatRate(rates.in, seconds);
    $('rate-out').textContent = formatRate(rates.out, seconds);
    rates.in = { messages: 0, bytes: 0 };
    rates.out = { messages: 0, bytes: 0 };
    for (const [alias, cursor] of cursors) {
      if (alias !== client.alias && now - cursor.seen > CURSOR_TIMEOUT_MS) removeCursor(alias);
    }
    try {
      const rtt = await client.ping();
      $('rtt').textContent = `${rtt.toFixed(1)} ms`;
    } catch {
      $('rtt').textContent = 'timeout';
    }
  };
  void tick();
  const interval = setInterval(() => {
    if (client.closed) clearInterval(interval);
    else void tick();
  }, 1000);
}

// --- forms -------------------------------------------------------------

function showTopicError(error) {
  $('topic-error').textContent = error ? error.message : '';
}

function renderTopics() {
  const list = $('topic-list');
  list.replaceChildren();
  for (const topic of [...client.topics].sort()) {
    const item = document.createElement('li');
    item.dataset.topic = topic;
    const name = document.createElement('code');
    name.textContent = topic;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.title = `Unsubscribe from ${topic}`;
    remove.textContent = '×';
    remove.addEventListener('click', () => {
      client.unsubscribe(topic);
      renderTopics();
    });
    item.append(name, remove);
    list.append(item);
  }
}

function startForms() {
  $('chat-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('chat-input');
    const message = input.value.trim();
    if (!message) return;
    try {
      publish(CHAT_TOPIC, message, true);
      appendChat(client.alias, message);
      input.value = '';
    } catch (error) {
      appendLine($('chat-log'), [meta(`not sent: ${error.message}`)]);
    }
  });
  $('subscribe-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('subscribe-input');
    try {
      subscribe(input.value.trim());
      input.value = '';
      showTopicError();
    } catch (error) {
      showTopicError(error);
    }
  });
  $('publish-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const topic = $('publish-topic').value.trim();
    const body = $('publish-body').value;
    const reliable = $('publish-reliable').checked;
    try {
      publish(topic, body, reliable);
      appendLine($('message-log'), [meta(`${topic} · ${reliable ? 'reliable' : 'unreliable'} · sent`), who(client.alias, `#${client.alias} (you)`), document.createTextNode(body)]);
      $('publish-body').value = '';
      showTopicError();
    } catch (error) {
      showTopicError(error);
    }
  });
}

$('reconnect').addEventListener('click', () => location.reload());
void main();
