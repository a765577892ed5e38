// broker-fix(dtls-seq): no DTLS record werift sends repeats an (epoch,
// sequence number) pair; libwebrtc's replay window drops a repeated record.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectPair, receiveSequenced, sequencedMessage } from './helpers.js';

interface IceConnectionInternals {
  send(data: Buffer): Promise<void>;
}

const DTLS_CONTENT_TYPES = new Set([20, 21, 22, 23]);

/** (epoch, sequence) of each DTLS record in a datagram (RFC 6347 4.1). */
function recordIds(datagram: Buffer): string[] {
  const ids: string[] = [];
  for (let offset = 0; offset + 13 <= datagram.length; ) {
    if (!DTLS_CONTENT_TYPES.has(datagram[offset]!)) break;
    const epoch = datagram.readUInt16BE(offset + 3);
    const sequence = datagram.readUIntBE(offset + 5, 6);
    ids.push(`${epoch}:${sequence}`);
    offset += 13 + datagram.readUInt16BE(offset + 11);
  }
  return ids;
}

test('DTLS records from werift never reuse a sequence number, werift -> wrtc', { timeout: 15_000 }, async () => {
  const sent: string[] = [];
  const pair = await connectPair('werift', 'wrtc', { reliable: {} }, (pc) => {
    const connection = pc.sctpTransport!.dtlsTransport.iceTransport.connection as unknown as IceConnectionInternals;
    const send = connection.send.bind(connection);
    connection.send = (data) => {
      sent.push(...recordIds(data));
      return send(data);
    };
  });
  try {
    const { offerer, answerer } = pair.channels.get('reliable')!;
    const receipt = receiveSequenced(answerer);
    // One message at a time: sent together they would share one SCTP packet
    // and one record (broker-fix bundle), and the test needs many records.
    for (let seq = 0; seq < 10; seq++) {
      offerer.send(sequencedMessage(seq, 100));
      await receipt.reached(seq + 1);
    }
    const epochOne = sent.filter((id) => id.startsWith('1:'));
    assert.ok(epochOne.length >= 10, 'encrypted records were observed');
    assert.deepEqual(
      epochOne.filter((id, index) => epochOne.indexOf(id) !== index),
      [],
      'no (epoch, sequence) sent twice',
    );
  } finally {
    await pair.close();
  }
});

const HANDSHAKE = 22;
const HELLO_VERIFY_REQUEST = 3;

/** Whether a datagram starts with a plaintext DTLS HelloVerifyRequest. */
function isHelloVerifyRequest(datagram: Buffer): boolean {
  return datagram.length > 13 && datagram[0] === HANDSHAKE && datagram.readUInt16BE(3) === 0 && datagram[13] === HELLO_VERIFY_REQUEST;
}

// broker-fix(hvr-dup): a server slower than the client's 500 ms ClientHello
// retransmission (a connection storm on a busy host) answers both
// ClientHellos, so the client gets two HelloVerifyRequests. Unpatched, the
// second one made the werift DTLS client throw and its peer connection fail.
test('a werift DTLS client that gets two HelloVerifyRequests still connects', { timeout: 15_000 }, async () => {
  let held: Buffer | undefined;
  let helloVerifyRequests = 0;
  let answererFailed: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (answererFailed = reject));
  const connecting = connectPair('werift', 'werift', { reliable: {} }, (offerer, answerer) => {
    // The offerer is the DTLS server. Its first HelloVerifyRequest is held
    // until the client's retransmitted ClientHello has been answered too,
    // then both arrive: what a server behind by more than 500 ms sends.
    const connection = offerer.sctpTransport!.dtlsTransport.iceTransport.connection as unknown as IceConnectionInternals;
    const send = connection.send.bind(connection);
    connection.send = async (data) => {
      if (!isHelloVerifyRequest(data)) return send(data);
      helloVerifyRequests++;
      if (helloVerifyRequests === 1) {
        held = data;
        return;
      }
      if (held) {
        const first = held;
        held = undefined;
        await send(first);
      }
      return send(data);
    };
    answerer!.connectionStateChange.subscribe((state) => {
      if (state === 'failed') answererFailed(new Error('the DTLS client peer connection failed'));
    });
  });
  const pair = await Promise.race([connecting, failed]);
  try {
    assert.ok(helloVerifyRequests >= 2, 'the server sent a second HelloVerifyRequest');
    const { offerer, answerer } = pair.channels.get('reliable')!;
    const receipt = receiveSequenced(answerer);
    offerer.send(sequencedMessage(0, 100));
    await receipt.reached(1);
  } finally {
    await pair.close();
  }
});

const CLIENT_HELLO = 1;

/** Whether a datagram is a plaintext DTLS ClientHello without a cookie (the first of a handshake). */
function isCookielessClientHello(datagram: Buffer): boolean {
  if (datagram.length < 13 + 12 + 35 || datagram[0] !== HANDSHAKE || datagram.readUInt16BE(3) !== 0) return false;
  if (datagram[13] !== CLIENT_HELLO) return false;
  const sessionIdLength = datagram[13 + 12 + 34]!;
  return datagram[13 + 12 + 35 + sessionIdLength] === 0;
}

interface EarlyDtlsInternals {
  role: string;
  start(): Promise<void>;
  iceTransport: { connection: { onData: { subscribe(listener: (data: Buffer) => void): unknown } } };
}

// broker-fix(early-dtls): the DTLS client no longer waits 100 ms after ICE
// connects, so its ClientHello can reach the DTLS server before the server's
// own ICE completes and its DTLS socket exists. Unpatched, that ClientHello
// was dropped and the handshake stalled until the client retransmitted it
// (500 ms later); now the server keeps it and answers it once it starts.
for (const clientKind of ['werift', 'wrtc'] as const) {
  test(`a ClientHello that arrives before the DTLS server starts is answered, not retransmitted (${clientKind} client)`, { timeout: 15_000 }, async () => {
    let cookielessClientHellos = 0;
    let dtlsServer: EarlyDtlsInternals | undefined;
    const pair = await connectPair('werift', clientKind, { reliable: {} }, (offerer) => {
      const server = offerer.sctpTransport!.dtlsTransport as unknown as EarlyDtlsInternals;
      dtlsServer = server;
      let clientHelloArrived!: () => void;
      const firstClientHello = new Promise<void>((resolve) => (clientHelloArrived = resolve));
      server.iceTransport.connection.onData.subscribe((data) => {
        if (!isCookielessClientHello(data)) return;
        cookielessClientHellos++;
        clientHelloArrived();
      });
      // The server's DTLS starts only once the client's first ClientHello is in.
      const start = server.start.bind(server);
      server.start = async () => {
        await firstClientHello;
        return start();
      };
    });
    try {
      assert.equal(dtlsServer?.role, 'server', 'the offerer was the DTLS server');
      const { offerer, answerer } = pair.channels.get('reliable')!;
      const receipt = receiveSequenced(answerer);
      offerer.send(sequencedMessage(0, 100));
      await receipt.reached(1);
      assert.equal(cookielessClientHellos, 1, 'the first ClientHello was answered');
    } finally {
      await pair.close();
    }
  });
}
