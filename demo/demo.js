// The demo page: one broker client per tab, on whichever comm server the
// coordinator picks. Cursors travel on `cursors` (unreliable), chat on `chat`
// (reliable); any other topic can be subscribed to and published on. The
// chat is a room: the page lists who is in it (presence) and tells joins and
// leaves in the chat; a click on a person sends them what is typed next as a
// direct message, seen by nobody else. Every client shows as a short name: its
// identity when its comm server knows one, else two words picked by its alias.
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
const people = new Set(); // aliases of the chat room's members
const identities = new Map(); // alias -> identity, as presence and direct messages tell them
let directTarget; // the alias the chat form sends to directly; undefined: the room

function colorOf(alias) {
  return `hsl(${((alias % 360) * 137) % 360} 70% 42%)`;
}

// --- names ---------------------------------------------------------------

const ADJECTIVES = [
  'Amber', 'Brave', 'Breezy', 'Bright', 'Calm', 'Cheery', 'Clever', 'Cosmic', 'Crimson', 'Curious', 'Dapper', 'Dusky',
  'Eager', 'Fancy', 'Frosty', 'Fuzzy', 'Gentle', 'Glossy', 'Golden', 'Happy', 'Humble', 'Jolly', 'Keen', 'Lively',
  'Lucky', 'Mellow', 'Merry', 'Misty', 'Nimble', 'Noble', 'Olive', 'Plucky', 'Polite', 'Quick', 'Quiet', 'Rapid',
  'Rosy', 'Rustic', 'Silver', 'Sleepy', 'Snowy', 'Sunny', 'Swift', 'Tidy', 'Tiny', 'Velvet', 'Witty', 'Zesty',
];
const ANIMALS = [
  'Badger', 'Beaver', 'Bison', 'Crane', 'Dingo', 'Dolphin', 'Falcon', 'Ferret', 'Finch', 'Fox', 'Gecko', 'Hare',
  'Heron', 'Ibis', 'Jackal', 'Kiwi', 'Koala', 'Lark', 'Lemur', 'Lynx', 'Marmot', 'Mink', 'Mole', 'Moose',
  'Newt', 'Ocelot', 'Otter', 'Owl', 'Panda', 'Pelican', 'Puffin', 'Quail', 'Rabbit', 'Raven', 'Seal', 'Sloth',
  'Stoat', 'Swan', 'Tapir', 'Tiger', 'Toucan', 'Turtle', 'Walrus', 'Weasel', 'Whale', 'Wombat', 'Yak', 'Zebra',
];

/** Two words picked by the alias, the same in every tab; its bits are mixed first, as aliases are consecutive numbers. */
function nameFromAlias(alias) {
  let h = Math.imul((alias % 0x100000000) ^ Math.floor(alias / 0x100000000), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = (h ^ (h >>> 13)) >>> 0;
  return `${ADJECTIVES[h % ADJECTIVES.length]} ${ANIMALS[Math.floor(h / ADJECTIVES.length) % ANIMALS.length]}`;
}

function nameOf(alias) {
  return identities.get(alias) ?? nameFromAlias(alias);
}

/** A client as the page shows it: its name, "(you)" for this one; the alias on hover. */
function labelOf(alias) {
  return alias === client.alias ? `${nameOf(alias)} (you)` : nameOf(alias);
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
  showConnection();
  for (const input of document.querySelectorAll('input, button')) input.disabled = false;

  client.on('message', onMessage);
  client.on('join', onJoin);
  client.on('leave', onLeave);
  client.on('direct', onDirect);
  // A re-homed client has a new alias, and the room may have changed meanwhile.
  client.on('reconnected', () => {
    showConnection();
    void showRoom();
  });
  client.on('close', (error) => {
    setStatus('closed', `disconnected: ${error.code} ${error.message}`);
    for (const input of document.querySelectorAll('form input, form button')) input.disabled = true;
    $('reconnect').hidden = false;
  });
  subscribe(CURSOR_TOPIC);
  enterRoom();
  startStats();
  startCursorTracking();
  startForms();
}

function showConnection() {
  const you = $('alias');
  you.textContent = nameOf(client.alias);
  you.title = `#${client.alias}`;
  you.dataset.alias = String(client.alias);
  you.style.color = colorOf(client.alias);
  $('server').textContent = `#${client.serverAlias}`;
  $('transport').textContent = client.transport === 'webrtc' ? 'WebRTC' : 'WebSocket';
  $('transport').dataset.transport = client.transport;
}

function subscribe(topics, options) {
  client.subscribe(topics, options);
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

function who(alias) {
  const span = document.createElement('span');
  span.className = 'who';
  span.style.setProperty('--color', colorOf(alias));
  span.textContent = labelOf(alias);
  span.title = `#${alias}`;
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
  return item;
}

function appendChat(from, message) {
  appendLine($('chat-log'), [who(from), document.createTextNode(message)], { from: String(from) });
}

// --- the room (presence of the chat topic) --------------------------------

/** Subscribes to the chat with presence and lists who is there. */
function enterRoom() {
  subscribe(CHAT_TOPIC, { presence: true });
  void showRoom();
}

/**
 * Asks who is in the room. The answer comes after the SUBSCRIPTION on the
 * same ordered channel, and join and leave events follow it for every change
 * after it: the list and the events together stay right.
 */
async function showRoom() {
  try {
    const members = await client.presence(CHAT_TOPIC);
    people.clear();
    for (const member of members) remember(member);
    renderPeople();
  } catch (error) {
    people.clear();
    renderPeople(error.code === 'UNSUPPORTED' ? 'unknown: this comm server has no presence' : `unknown: ${error.message}`);
  }
}

function leftRoom() {
  people.clear();
  renderPeople('not in the room');
}

function remember({ alias, identity }) {
  people.add(alias);
  if (identity) identities.set(alias, identity);
}

function onJoin(event) {
  if (event.topic !== CHAT_TOPIC) return;
  remember(event);
  renderPeople();
  appendLine($('chat-log'), [who(event.alias), meta('joined')], { event: 'join', alias: String(event.alias) });
}

function onLeave({ topic, alias, reason }) {
  if (topic !== CHAT_TOPIC) return;
  people.delete(alias);
  renderPeople();
  appendLine($('chat-log'), [who(alias), meta(reason === 'unsubscribed' ? 'left' : `left (${reason})`)], { event: 'leave', alias: String(alias) });
}

/** The room's members, this client first, then by name; `note` instead of a count when the list is not known. */
function renderPeople(note) {
  const others = [...people].filter((alias) => alias !== client.alias).sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const sorted = people.has(client.alias) ? [client.alias, ...others] : others;
  $('people').replaceChildren(...sorted.map(personItem));
  $('people-count').textContent = note ?? String(people.size);
}

function personItem(alias) {
  const item = document.createElement('li');
  item.dataset.alias = String(alias);
  if (alias === client.alias) {
    item.append(who(alias));
    return item;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'person';
  button.title = `Send ${nameOf(alias)} a direct message`;
  button.append(who(alias));
  button.addEventListener('click', () => chooseDirectTarget(alias));
  item.append(button);
  if (alias === directTarget) item.dataset.selected = 'true';
  return item;
}

// --- direct messages -------------------------------------------------------

/** What the chat form sends next goes to `alias` only; undefined: to the room again. */
function chooseDirectTarget(alias) {
  directTarget = alias;
  $('chat-target').hidden = alias === undefined;
  $('chat-target-name').textContent = alias === undefined ? '' : nameOf(alias);
  $('chat-input').placeholder = alias === undefined ? 'Say something' : `Message ${nameOf(alias)} directly`;
  for (const item of $('people').children) {
    if (Number(item.dataset.alias) === alias) item.dataset.selected = 'true';
    else delete item.dataset.selected;
  }
  $('chat-input').focus();
}

/** Sends a reliable direct message; its line says once the target's comm server took it, or why not. */
async function sendDirect(alias, message) {
  const line = appendLine($('chat-log'), [who(client.alias), meta(`to ${nameOf(alias)}`), document.createTextNode(message)], {
    event: 'direct-sent', to: String(alias), state: 'sending',
  });
  rates.out.messages++;
  rates.out.bytes += utf8.encode(message).byteLength;
  try {
    await client.sendTo(alias, message);
    line.dataset.state = 'delivered';
  } catch (error) {
    line.dataset.state = 'failed';
    line.append(meta(error.code === 'NO_SUCH_PEER' ? 'not delivered: no longer connected' : `not delivered: ${error.code ?? error.message}`));
  }
}

function onDirect({ from, identity, body }) {
  if (identity) identities.set(from, identity);
  rates.in.messages++;
  rates.in.bytes += body.byteLength;
  appendLine($('chat-log'), [who(from), meta('to you'), document.createTextNode(text.decode(body))], { event: 'direct', from: String(from) });
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
    label.textContent = labelOf(alias);
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
      if (topic === CHAT_TOPIC) leftRoom();
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
    if (directTarget !== undefined) {
      void sendDirect(directTarget, message);
      input.value = '';
      return;
    }
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
    const topic = input.value.trim();
    try {
      if (topic === CHAT_TOPIC) enterRoom();
      else subscribe(topic);
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
      appendLine($('message-log'), [meta(`${topic} · ${reliable ? 'reliable' : 'unreliable'} · sent`), who(client.alias), document.createTextNode(body)]);
      $('publish-body').value = '';
      showTopicError();
    } catch (error) {
      showTopicError(error);
    }
  });
}

$('reconnect').addEventListener('click', () => location.reload());
$('chat-target-clear').addEventListener('click', () => chooseDirectTarget(undefined));
void main();
