// Hostile input on a comm server's WebSocket fallback endpoint, which anyone
// can reach before any credential is checked: oversize frames, reserved bits,
// unknown opcodes, broken fragmentation, oversized or fragmented control
// frames, unmasked frames, lengths that lie, garbage after and instead of the
// upgrade, and an upgrade that never finishes. The comm server runs in its
// own process: each input closes that one connection (with the close code
// RFC 6455 gives it), logged once, and the process keeps serving a bystander
// pair and new fallback clients.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Child } from './child.js';
import type { Bystanders } from './helpers.js';
import { startProcessCluster, type ProcessCluster } from './process-cluster.js';
import { frames } from './raw-peer.js';
import { OPCODE, RawWebSocket, binary, upgradeRequest, wsFrame } from './raw-websocket.js';

const MAX_MESSAGE_BYTES = 16 * 1024;
const UPGRADE_TIMEOUT_MS = 2_000;
const CLOSE_PROTOCOL_ERROR = 1002;
const CLOSE_INVALID_DATA = 1007;
const CLOSE_TOO_BIG = 1009;

let cluster: ProcessCluster | undefined;
let server: Child;
let port: number;
let bystanders: Bystanders;
let nextAlias = 1_000_000;

before(async () => {
  cluster = await startProcessCluster([
    '--max-message-bytes', String(MAX_MESSAGE_BYTES), '--connect-timeout-ms', String(UPGRADE_TIMEOUT_MS),
  ]);
  ({ server, bystanders } = cluster);
  const listening = await server.log({ msg: 'WebSocket fallback endpoint listening' });
  port = Number(new URL(String(listening.url)).port);
});

after(async () => {
  await RawWebSocket.closeAll();
  await cluster?.close();
});

/** An upgraded connection; `authenticated` also sends AUTH and waits for a PING's echo. */
async function open({ authenticated }: { authenticated: boolean }): Promise<{ raw: RawWebSocket; alias: number }> {
  const alias = nextAlias++;
  const raw = await RawWebSocket.upgrade(port, alias);
  if (authenticated) {
    raw.write(binary(frames.auth()));
    raw.write(binary(frames.ping(1)));
    assert.equal(await raw.outcome(1, 5_000), 'served');
  }
  return { raw, alias };
}

/** The server still runs, serves the bystanders, and admits a new fallback client. */
async function stillServing(): Promise<void> {
  assert.equal(server.process.exitCode, null, 'the comm server is running');
  assert.equal(server.process.signalCode, null, 'the comm server is running');
  await bystanders.exchange();
  const { raw } = await open({ authenticated: true });
  await raw.close();
}

/** Sends `bytes` on a fresh connection and expects it closed with `code`, logged once with `detail`. */
async function expectClosed(bytes: Uint8Array, code: number, detail: RegExp, { authenticated = true } = {}): Promise<void> {
  const { raw, alias } = await open({ authenticated });
  raw.write(bytes);
  await raw.closed;
  assert.equal(raw.closeCode, code);
  const logged = await server.log({ msg: 'closing the peer', alias });
  assert.match(String(logged.detail), detail);
  await server.log({ msg: 'peer closed', alias, reason: 'protocol-error' });
  assert.equal(server.logs({ msg: 'closing the peer', alias }).length, 1, 'logged once');
  await stillServing();
}

describe('hostile input to the WebSocket fallback endpoint', () => {
  test('a frame over --max-message-bytes, before AUTH and after, closes that connection with 1009', async () => {
    const big = binary(new Uint8Array(70_000));
    await expectClosed(big, CLOSE_TOO_BIG, /Max payload size exceeded \(WS_ERR_UNSUPPORTED_MESSAGE_LENGTH\)/, { authenticated: false });
    await expectClosed(big, CLOSE_TOO_BIG, /WS_ERR_UNSUPPORTED_MESSAGE_LENGTH/);
    // A header stating 2^63 - 1 bytes, followed by almost nothing.
    await expectClosed(wsFrame({ opcode: OPCODE.BINARY, statedLength: Number.MAX_SAFE_INTEGER }), CLOSE_TOO_BIG, /WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH|WS_ERR_UNSUPPORTED_MESSAGE_LENGTH/);
  });

  test('reserved bits, unknown opcodes and unmasked frames close the connection with 1002', async () => {
    const auth = frames.auth();
    // The 7-byte frame that crashed the process: RSV1 set, one byte of payload.
    await expectClosed(wsFrame({ opcode: OPCODE.BINARY, rsv: 0x40, payload: Uint8Array.of(0x55) }), CLOSE_PROTOCOL_ERROR, /RSV1 must be clear \(WS_ERR_UNEXPECTED_RSV_1\)/, { authenticated: false });
    await expectClosed(wsFrame({ opcode: OPCODE.BINARY, rsv: 0x20, payload: auth }), CLOSE_PROTOCOL_ERROR, /WS_ERR_UNEXPECTED_RSV_2_3/);
    await expectClosed(wsFrame({ opcode: OPCODE.BINARY, rsv: 0x10, payload: auth }), CLOSE_PROTOCOL_ERROR, /WS_ERR_UNEXPECTED_RSV_2_3/);
    for (const opcode of [0x3, 0x7, 0xb, 0xf]) {
      await expectClosed(wsFrame({ opcode, payload: auth }), CLOSE_PROTOCOL_ERROR, /invalid opcode \d+ \(WS_ERR_INVALID_OPCODE\)/);
    }
    await expectClosed(wsFrame({ opcode: OPCODE.BINARY, payload: auth, masked: false }), CLOSE_PROTOCOL_ERROR, /MASK must be set \(WS_ERR_EXPECTED_MASK\)/);
  });

  test('broken fragmentation and bad control frames close the connection with 1002', async () => {
    const ping = frames.ping(1);
    const [head, tail] = [ping.subarray(0, 3), ping.subarray(3)];
    // A continuation with no message to continue.
    await expectClosed(wsFrame({ opcode: OPCODE.CONTINUATION, payload: ping }), CLOSE_PROTOCOL_ERROR, /invalid opcode 0 \(WS_ERR_INVALID_OPCODE\)/);
    // A new data frame while a fragmented message is still open.
    await expectClosed(Buffer.concat([
      wsFrame({ opcode: OPCODE.BINARY, fin: false, payload: head }), wsFrame({ opcode: OPCODE.BINARY, payload: tail }),
    ]), CLOSE_PROTOCOL_ERROR, /invalid opcode 2 \(WS_ERR_INVALID_OPCODE\)/);
    // A fragmented control frame, and one over 125 bytes.
    await expectClosed(wsFrame({ opcode: OPCODE.PING, fin: false, payload: Uint8Array.of(1) }), CLOSE_PROTOCOL_ERROR, /FIN must be set \(WS_ERR_EXPECTED_FIN\)/);
    await expectClosed(wsFrame({ opcode: OPCODE.PING, payload: new Uint8Array(126) }), CLOSE_PROTOCOL_ERROR, /invalid payload length 126 \(WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH\)/);
    // A close frame with a code no endpoint may send, and text that is not UTF-8.
    await expectClosed(wsFrame({ opcode: OPCODE.CLOSE, payload: Uint8Array.of(0x03, 0xe7) }), CLOSE_PROTOCOL_ERROR, /WS_ERR_INVALID_CLOSE_CODE/);
    await expectClosed(wsFrame({ opcode: OPCODE.TEXT, payload: Uint8Array.of(0xff, 0xfe) }), CLOSE_INVALID_DATA, /WS_ERR_INVALID_UTF8/);
  });

  test('control frames interleaved with a fragmented message are answered and the message is still served', async () => {
    const { raw, alias } = await open({ authenticated: true });
    const ping = frames.ping(2);
    raw.write(Buffer.concat([
      wsFrame({ opcode: OPCODE.BINARY, fin: false, payload: ping.subarray(0, 2) }),
      wsFrame({ opcode: OPCODE.PING, payload: Uint8Array.of(7) }),
      wsFrame({ opcode: OPCODE.CONTINUATION, fin: false, payload: ping.subarray(2, 5) }),
      wsFrame({ opcode: OPCODE.PONG }),
      wsFrame({ opcode: OPCODE.CONTINUATION, payload: ping.subarray(5) }),
    ]));
    assert.equal(await raw.outcome(2, 5_000), 'served');
    assert.equal(server.logs({ msg: 'closing the peer', alias }).length, 0);
    await raw.close();
  });

  test('garbage after the upgrade closes that connection; garbage instead of one gets 400', async () => {
    for (const garbage of ['\r\n\r\nGET / HTTP/1.1\r\n\r\n', '\u0000'.repeat(64), 'x'.repeat(300)]) {
      const { raw, alias } = await open({ authenticated: false });
      raw.write(garbage);
      await raw.closed;
      assert.ok(raw.closeCode === CLOSE_PROTOCOL_ERROR || raw.closeCode === CLOSE_TOO_BIG, `closed with ${raw.closeCode}`);
      await server.log({ msg: 'peer closed', alias, reason: 'protocol-error' });
    }
    for (const request of ['hello\r\n\r\n', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', upgradeRequest('/?alias=0'), upgradeRequest('/?alias=abc')]) {
      const raw = await RawWebSocket.tcp(port);
      raw.write(request);
      await raw.closed;
      assert.match(raw.status, / (400|426) /, `answered ${JSON.stringify(raw.status)}`);
    }
    await stillServing();
  });

  test('an upgrade that never finishes is dropped after the set-up timeout', async () => {
    const raw = await RawWebSocket.tcp(port);
    const request = upgradeRequest(`/?alias=${nextAlias++}`);
    raw.write(request.slice(0, 20));
    // One byte every 100 ms would take minutes to finish the headers.
    let sent = 20;
    const drip = setInterval(() => raw.write(request.slice(sent, ++sent)), 100);
    const started = Date.now();
    try {
      await raw.closed;
    } finally {
      clearInterval(drip);
    }
    const heldMs = Date.now() - started;
    assert.ok(heldMs < UPGRADE_TIMEOUT_MS + 5_000, `dropped after ${heldMs} ms`);
    assert.ok(sent < request.length, 'the headers never completed');
    await stillServing();
  });
});
