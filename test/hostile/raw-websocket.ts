// A hostile WebSocket client for tests, written on a bare TCP socket so that
// it can send what no WebSocket library will: reserved bits, unknown opcodes,
// fragmented or oversized control frames, unmasked frames, lengths that lie,
// raw garbage, and upgrades that never finish. It reads the server's frames
// (binary messages, and the close code) well enough to tell a served
// connection from a closed one.
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WireMessage } from '../helpers/protobuf-wire.js';
import { FrameQueue, T } from './raw-peer.js';

export const OPCODE = { CONTINUATION: 0x0, TEXT: 0x1, BINARY: 0x2, CLOSE: 0x8, PING: 0x9, PONG: 0xa } as const;

export interface FrameSpec {
  opcode: number;
  payload?: Uint8Array;
  fin?: boolean;
  /** RSV1..RSV3 as bits 4..6 of the first byte (0x40, 0x20, 0x10). */
  rsv?: number;
  /** Client frames must be masked; false sends one unmasked. */
  masked?: boolean;
  /** The length the header states, when it should lie about the payload's. */
  statedLength?: number;
}

/** The bytes of one WebSocket frame as a client sends it. */
export function wsFrame({ opcode, payload = new Uint8Array(0), fin = true, rsv = 0, masked = true, statedLength }: FrameSpec): Uint8Array {
  const length = statedLength ?? payload.length;
  const header: number[] = [(fin ? 0x80 : 0) | (rsv & 0x70) | (opcode & 0x0f)];
  const maskBit = masked ? 0x80 : 0;
  if (length < 126) header.push(maskBit | length);
  else if (length < 0x10000) header.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    header.push(maskBit | 127);
    const big = BigInt(length);
    for (let shift = 56n; shift >= 0n; shift -= 8n) header.push(Number((big >> shift) & 0xffn));
  }
  if (!masked) return Buffer.concat([Uint8Array.from(header), payload]);
  const mask = randomBytes(4);
  const body = Uint8Array.from(payload, (byte, i) => byte ^ mask[i % 4]!);
  return Buffer.concat([Uint8Array.from(header), mask, body]);
}

/** A binary message, masked, in one frame. */
export const binary = (payload: Uint8Array): Uint8Array => wsFrame({ opcode: OPCODE.BINARY, payload });

export function upgradeRequest(path: string): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`
    + `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`;
}

/** A TCP connection to a WebSocket endpoint, upgraded by hand (or not at all). */
export class RawWebSocket {
  static readonly open = new Set<RawWebSocket>();
  readonly socket: Socket;
  /** Binary (and text) messages from the server. */
  readonly messages = new FrameQueue();
  /** The status line of the server's answer to the upgrade. */
  status = '';
  /** The code of the server's close frame, if it sent one. */
  closeCode: number | undefined;
  readonly closed: Promise<void>;
  #buffer = Buffer.alloc(0);
  #upgraded = false;
  #fragments: Buffer[] = [];

  private constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.on('error', () => undefined);
    this.socket.on('data', (data: Buffer) => this.#onData(data));
    this.closed = new Promise((resolve) => this.socket.once('close', () => {
      RawWebSocket.open.delete(this);
      this.messages.end(new Error(`connection closed (${this.closeCode ?? 'no close frame'})`));
      resolve();
    }));
    RawWebSocket.open.add(this);
  }

  /** A connection that has sent nothing yet. */
  static async tcp(port: number): Promise<RawWebSocket> {
    const raw = new RawWebSocket(port);
    await new Promise<void>((resolve, reject) => {
      raw.socket.once('connect', resolve);
      raw.socket.once('error', reject);
    });
    return raw;
  }

  /** Upgrades `/?alias=N`; resolves once the server answered, with its status line in `status`. */
  static async upgrade(port: number, alias: number, timeoutMs = 10_000): Promise<RawWebSocket> {
    const raw = await RawWebSocket.tcp(port);
    raw.write(upgradeRequest(`/?alias=${alias}`));
    await raw.#answered(timeoutMs);
    if (!raw.status.includes(' 101 ')) throw new Error(`upgrade refused: ${raw.status}`);
    return raw;
  }

  get isOpen(): boolean {
    return !this.socket.destroyed && this.socket.writable;
  }

  write(bytes: Uint8Array | string): void {
    if (this.isOpen) this.socket.write(bytes);
  }

  /**
   * After a PING with `time` was sent: whether it came back (served), the
   * server closed the connection, or neither happened within `timeoutMs` (a
   * frame whose stated length is still unmet swallows what follows it). The
   * echo of another PING sent before does not count.
   */
  async outcome(time: number, timeoutMs = 2_000): Promise<'served' | 'closed' | 'stalled'> {
    const deadline = Date.now() + timeoutMs;
    try {
      for (;;) {
        const got = new WireMessage(await this.messages.next(Math.max(1, deadline - Date.now())));
        if (got.uint(1) === T.PING && got.double(2) === time) return 'served';
      }
    } catch {
      return this.socket.destroyed ? 'closed' : 'stalled';
    }
  }

  /** Drops the connection (no close frame) and waits for it to be gone. */
  async close(): Promise<void> {
    this.socket.destroy();
    await this.closed;
  }

  #answered(timeoutMs: number): Promise<void> {
    if (this.status) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to the upgrade within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (!this.status && !this.socket.destroyed) return;
        clearTimeout(timer);
        this.socket.off('data', check);
        this.socket.off('close', check);
        if (this.status) resolve();
        else reject(new Error('connection closed before an answer to the upgrade'));
      };
      this.socket.on('data', check);
      this.socket.on('close', check);
    });
  }

  #onData(data: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, data]);
    if (!this.#upgraded) {
      const end = this.#buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      this.status = this.#buffer.subarray(0, this.#buffer.indexOf('\r\n')).toString('latin1');
      this.#upgraded = this.status.includes(' 101 ');
      this.#buffer = this.#buffer.subarray(end + 4);
      if (!this.#upgraded) return;
    }
    this.#readFrames();
  }

  /** Server frames are unmasked. */
  #readFrames(): void {
    for (;;) {
      const b = this.#buffer;
      if (b.length < 2) return;
      let length = b[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      if (b.length < offset + length) return;
      const fin = (b[0]! & 0x80) !== 0;
      const opcode = b[0]! & 0x0f;
      const payload = b.subarray(offset, offset + length);
      this.#buffer = b.subarray(offset + length);
      if (opcode === OPCODE.CLOSE) {
        this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      } else if (opcode === OPCODE.PING) {
        this.write(wsFrame({ opcode: OPCODE.PONG, payload }));
      } else if (opcode === OPCODE.BINARY || opcode === OPCODE.TEXT || opcode === OPCODE.CONTINUATION) {
        this.#fragments.push(Buffer.from(payload));
        if (fin) this.messages.push(new Uint8Array(Buffer.concat(this.#fragments.splice(0))));
      }
    }
  }

  static async closeAll(): Promise<void> {
    await Promise.all([...RawWebSocket.open].map((raw) => raw.close()));
  }
}
