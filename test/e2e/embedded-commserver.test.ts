// A CommServer embedded in an application whose WebSocket fallback port is
// taken: the application learns it from listening(), or it is logged once;
// either way nothing is left unhandled to end the process.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { pino } from 'pino';
import { CommServer } from '../../commserver/index.js';
import { silentLogger } from '../../shared/log.js';
import { LOOPBACK, loopbackWerift } from '../helpers/loopback.js';

/** A port on 127.0.0.1 held by another listener until `release`. */
async function takenPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const holder = createServer().listen(0, LOOPBACK);
  await once(holder, 'listening');
  return { port: (holder.address() as AddressInfo).port, release: () => new Promise((resolve) => holder.close(() => resolve())) };
}

test('listening() rejects with EADDRINUSE when the WebSocket port is taken; close() ends the server', async (t) => {
  const { port, release } = await takenPort();
  t.after(release);
  const server = new CommServer({
    coordinatorUrl: 'ws://127.0.0.1:9', rtc: loopbackWerift, logger: silentLogger(), webSocket: { host: LOOPBACK, port },
  });
  await assert.rejects(server.start().listening(), { code: 'EADDRINUSE' });
  await server.close();
});

test('unless the application asks, the failure is logged once at error level and no rejection goes unhandled', async (t) => {
  const { port, release } = await takenPort();
  t.after(release);
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  t.after(() => process.off('unhandledRejection', onUnhandled));
  const errors: Array<Record<string, unknown>> = [];
  let logged!: () => void;
  const firstError = new Promise<void>((resolve) => (logged = resolve));
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (entry.level === 50) {
          errors.push(entry);
          logged();
        }
      }
      done();
    },
  });
  const server = new CommServer({
    coordinatorUrl: 'ws://127.0.0.1:9', rtc: loopbackWerift, logger: pino({ level: 'info' }, sink), webSocket: { host: LOOPBACK, port },
  });
  server.start();
  await firstError;
  // An unhandled rejection is reported once the microtasks of this turn ran.
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(unhandled, []);
  assert.equal(errors.length, 1);
  assert.match(String(errors[0].msg), /could not listen/);
  assert.match(String(errors[0].err), /EADDRINUSE/);
  await server.close();
});
