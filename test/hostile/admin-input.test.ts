// Hostile input to the coordinator's admin API (POST /v1/kick on its
// operations port): garbage bodies with the right token, bodies far over the
// limit (declared or streamed), every method, malformed HTTP on a raw socket,
// stalled requests holding connections, a burst of concurrent kicks. Each is
// answered (or dropped) without a kick, the coordinator keeps answering, and
// a bystander pair of real clients keeps exchanging messages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import fc from 'fast-check';
import { ADMIN_TOKEN, startAdminApi, type AdminApi } from '../helpers/admin.js';
import { Bystanders, startHostileCluster, type HostileCluster } from './helpers.js';
import { RawPeer } from './raw-peer.js';

let cluster: HostileCluster;
let bystanders: Bystanders;
let admin: AdminApi;

before(async () => {
  cluster = await startHostileCluster();
  bystanders = await Bystanders.start(cluster);
  admin = await startAdminApi(cluster.coordinator);
});

after(async () => {
  await admin?.close();
  await RawPeer.closeAll();
  await cluster?.close();
});

const moderation = () => cluster.coordinator.moderation;

/** One request; resolves with the status, or 0 when the server closed the connection without an answer. */
function send(options: { method?: string; headers?: Record<string, string>; body?: Uint8Array | string; streamBytes?: number }): Promise<number> {
  return new Promise((resolve) => {
    const req = request(new URL('/v1/kick', admin.url), { method: options.method ?? 'POST', headers: options.headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    if (options.streamBytes === undefined) {
      req.end(options.body);
      return;
    }
    const chunk = Buffer.alloc(256 * 1024, '[');
    let left = options.streamBytes;
    const pump = () => {
      while (left > 0) {
        left -= chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    req.on('response', () => {
      left = 0;
    });
    pump();
  });
}

const withToken = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

/** A raw TCP exchange: writes `bytes`, resolves with what came back before the server closed (or 2 s passed). */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(admin.url).port), '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => socket.destroy(), 2_000);
    socket.on('data', (data) => (answer += data.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.end(bytes);
  });
}

async function stillServing(): Promise<void> {
  const answer = await admin.kick({ alias: 1 });
  assert.deepEqual([answer.status, answer.body.error], [404, 'no such client']);
  await bystanders.exchange();
}

describe('hostile input to the coordinator admin API', () => {
  test('500 garbage bodies with the right token: each a 400, none a kick', async () => {
    const kicksBefore = moderation().kicks;
    const garbage = fc.sample(fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 4 }).filter((text) => !/^\{.*"(alias|identity)"/.test(text)),
      fc.constantFrom('['.repeat(4000), '{"alias":1'.padEnd(4000, ' '), '{"identity":"\u0000"', '\uFEFF{"alias":1}', '{"alias":1}{"alias":2}'),
      fc.record({ alias: fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.integer({ max: 0 })) }).map((value) => JSON.stringify(value)),
    ), { seed: 0xad31, numRuns: 500 });
    for (const body of garbage) {
      const status = await send({ headers: withToken, body });
      assert.ok(status === 400 || status === 413, `status ${status} for ${JSON.stringify(typeof body === 'string' ? body.slice(0, 80) : [...body.slice(0, 40)])}`);
    }
    assert.equal(moderation().kicks, kicksBefore);
    await stillServing();
  });

  test('bodies far over the limit: a declared gigabyte and 32 MiB streamed get 413 without being read; a wrong token, 401', async () => {
    assert.equal(await send({ headers: { ...withToken, 'content-length': String(2 ** 30) }, body: '{}' }), 413);
    const rssBefore = process.memoryUsage().rss;
    assert.equal(await send({ headers: withToken, streamBytes: 32 * 1024 * 1024 }), 413);
    assert.equal(await send({ headers: { authorization: 'Bearer wrong' }, streamBytes: 32 * 1024 * 1024 }), 401);
    assert.ok(process.memoryUsage().rss - rssBefore < 24 * 1024 * 1024, 'the bodies were not kept');
    await stillServing();
  });

  test('every method but POST is refused (405) with or without the token; other paths are 404', async () => {
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'M-SEARCH']) {
      for (const headers of [withToken, {}]) assert.equal(await send({ method, headers }), 405, method);
    }
    for (const path of ['/v1/kick/', '/v1/KICK', '/v1/kick/../kick2', '/v2/kick', '/v1']) {
      const status = await new Promise<number>((resolve) => {
        const req = request(new URL(path, admin.url), { method: 'POST', headers: withToken }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        req.on('error', () => resolve(0));
        req.end('{"alias":1}');
      });
      assert.equal(status, 404, path);
    }
    await stillServing();
  });

  test('malformed HTTP on a raw socket is answered or dropped, never served as a kick', async () => {
    const kicksBefore = moderation().kicks;
    const requests = [
      'POST http://[ HTTP/1.1\r\nHost: x\r\n\r\n',
      `POST /v1/kick HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Length: abc\r\n\r\n{"alias":1}`,
      `POST /v1/kick HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{"alias":1}\r\n0\r\n\r\n`,
      `POST /v1/kick HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Length: 11\r\nContent-Length: 12\r\n\r\n{"alias":1}`,
      `POST /v1/kick HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(20_000)}\r\n\r\n`,
      'GARBAGE\r\n\r\n',
      '\u0000\u0001\u0002\u0003',
    ];
    for (const bytes of requests) {
      const answer = await rawExchange(bytes);
      assert.ok(answer === '' || /^HTTP\/1\.1 4\d\d /.test(answer), JSON.stringify(answer.slice(0, 100)));
    }
    assert.equal(moderation().kicks, kicksBefore);
    await stillServing();
  });

  test('50 requests stalled mid-body hold no one up; 100 concurrent kicks are each answered', async () => {
    const port = Number(new URL(admin.url).port);
    const stalled: Socket[] = await Promise.all(Array.from({ length: 50 }, () => new Promise<Socket>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /v1/kick HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Length: 100\r\n\r\n{"ali`);
        resolve(socket);
      });
      socket.on('error', () => undefined);
    })));
    try {
      const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => admin.kick({ alias: 1_000 + i })));
      assert.ok(answers.every(({ status }) => status === 404));
      await stillServing();
    } finally {
      for (const socket of stalled) socket.destroy();
    }
  });
});
