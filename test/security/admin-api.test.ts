// The coordinator's admin API on its operations port (POST /v1/kick): off
// (404) without an admin token; 401 without the right Bearer token, before
// the body is read; 405, 400 and 413 for the wrong method, a bad body and an
// oversize one. Against stand-ins for comm servers (raw /discover sockets):
// a client's server without the moderation extension is not asked (409),
// one that does not answer costs --kick-timeout-ms (504), a KICKED from
// another server changes nothing, and a server that registers gets the bans
// in force.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test, type TestContext } from 'node:test';
import type { Coordinator } from '../../coordinator/index.js';
import { WebSocket } from 'ws';
import { ConnectionRefused, ConnectionRefusedReason, Kick, Kicked, MessageType } from '../../shared/codec.js';
import { ADMIN_TOKEN, startAdminApi, type AdminApi } from '../helpers/admin.js';
import { RawSocket } from '../hostile/raw-peer.js';
import { coordinatorFor } from './helpers.js';

const SERVER = '/discover?role=COMMUNICATION_SERVER&extensions=moderation';
const ORIGINAL_SERVER = '/discover?role=COMMUNICATION_SERVER';
const utf8 = new TextEncoder();

/** A raw HTTP request to the operations port: status, headers and body, whatever the client sends. */
function raw(url: string, options: { method?: string; path?: string; headers?: Record<string, string>; body?: Buffer | string; chunks?: number }): Promise<{
  status: number; headers: Record<string, string | string[] | undefined>; body: string;
}> {
  return new Promise((resolve, reject) => {
    const target = new URL(options.path ?? '/v1/kick', url);
    const req = request(target, { method: options.method ?? 'POST', headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    // The server may answer and close before it read the whole body: that is the point of some tests.
    req.on('error', (error) => (req.writableEnded ? undefined : reject(error)));
    if (options.chunks !== undefined) {
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const more = () => {
        while (sent < options.chunks! && req.write(chunk)) sent++;
        if (sent >= options.chunks!) req.end();
        else req.once('drain', () => {
          sent++;
          more();
        });
      };
      more();
    } else {
      req.end(options.body);
    }
  });
}

const bearer = (token = ADMIN_TOKEN) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function adminFor(t: TestContext, coordinator: Coordinator, token?: string | null): Promise<AdminApi> {
  const admin = await startAdminApi(coordinator, token);
  t.after(async () => {
    for (const socket of RawSocket.open) await socket.close();
    await admin.close();
  });
  return admin;
}

test('without an admin token the admin API is not there: 404 whatever the method', async (t) => {
  const coordinator = await coordinatorFor(t);
  const admin = await adminFor(t, coordinator, null);
  for (const method of ['POST', 'GET', 'PUT']) {
    assert.equal((await raw(admin.url, { method, headers: bearer(), body: method === 'GET' ? undefined : '{"alias":1}' })).status, 404, method);
  }
  assert.equal((await raw(admin.url, { method: 'GET', path: '/healthz' })).status, 200);
});

test('401 without the right Bearer token, before any of the body is read', async (t) => {
  const coordinator = await coordinatorFor(t);
  const admin = await adminFor(t, coordinator);
  const wrong: Array<Record<string, string>> = [
    {},
    { authorization: '' },
    { authorization: 'Bearer' },
    { authorization: `Bearer ${ADMIN_TOKEN}x` },
    { authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}` },
    { authorization: `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}` },
    { authorization: `Bearer ${ADMIN_TOKEN} extra` },
  ];
  for (const headers of wrong) {
    const answer = await raw(admin.url, { headers, body: '{"identity":"anyone","banSeconds":60}' });
    assert.equal(answer.status, 401, JSON.stringify(headers));
    assert.equal(answer.headers['www-authenticate'], 'Bearer');
    assert.deepEqual(JSON.parse(answer.body), { error: 'unauthorized' });
  }
  // A huge body with a wrong token: refused as unauthorized, not read.
  assert.equal((await raw(admin.url, { headers: { authorization: 'Bearer nope' }, chunks: 64 })).status, 401);
  assert.equal(coordinator.moderation.kicks, 0);
  assert.equal(coordinator.moderation.bans, 0);
  // Case and spacing of the scheme do not matter.
  assert.equal((await raw(admin.url, { headers: { authorization: `bearer  ${ADMIN_TOKEN}` }, body: '{"identity":"anyone"}' })).status, 200);
});

test('405 for another method, 400 for a body that is no kick, 413 over --max-admin-body-bytes', async (t) => {
  const coordinator = await coordinatorFor(t);
  const admin = await adminFor(t, coordinator);
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
    const answer = await raw(admin.url, { method, headers: bearer() });
    assert.equal(answer.status, 405, method);
    assert.equal(answer.headers.allow, 'POST');
  }
  const bad = [
    '', 'x', '{', 'null', '[]', '"alias"', '7', '{"alias":1,"identity":"a"}', '{}', '{"banSeconds":60}',
    '{"alias":0}', '{"alias":-1}', '{"alias":1.5}', '{"alias":"7"}', '{"alias":1e300}',
    '{"identity":""}', '{"identity":7}', `{"identity":"${'x'.repeat(1025)}"}`,
    '{"identity":"a","banSeconds":0}', '{"identity":"a","banSeconds":1.5}', '{"identity":"a","banSeconds":86401}', '{"identity":"a","banSeconds":"60"}',
    '{"identity":"a","ban":60}', '{"alias":1,"__proto__":{"x":1}}',
  ];
  for (const body of bad) {
    const answer = await raw(admin.url, { headers: bearer(), body });
    assert.equal(answer.status, 400, body.slice(0, 60));
    assert.equal(typeof JSON.parse(answer.body).error, 'string');
  }
  assert.equal(coordinator.moderation.kicks, 0);
  // Declared too big, sent too big without a length (chunked): 413, and the coordinator keeps serving.
  assert.equal((await raw(admin.url, { headers: { ...bearer(), 'content-length': '4097' }, body: 'x'.repeat(4097) })).status, 413);
  assert.equal((await raw(admin.url, { headers: bearer(), chunks: 32 })).status, 413);
  const fits = JSON.stringify({ identity: 'x'.repeat(1000) }).padEnd(4096, ' ');
  assert.equal((await raw(admin.url, { headers: bearer(), body: fits })).status, 200);
  assert.equal((await admin.kick({ alias: 1 })).status, 404);
});

test("a client's server without the moderation extension is not asked (409); one that does not answer costs --kick-timeout-ms (504)", async (t) => {
  const coordinator = await coordinatorFor(t, { limits: { kickTimeoutMs: 300 } });
  const admin = await adminFor(t, coordinator);
  const original = await RawSocket.connect(coordinator.url, ORIGINAL_SERVER);
  const client = await RawSocket.connect(coordinator.url);
  assert.deepEqual(client.servers, [original.alias]);
  const unsupported = await admin.kick({ alias: client.alias });
  assert.equal(unsupported.status, 409, JSON.stringify(unsupported.body));
  assert.deepEqual(unsupported.body.unsupported, [original.alias]);
  const byIdentity = await admin.kick({ identity: 'mallory' });
  assert.deepEqual([byIdentity.status, byIdentity.body.unsupported, byIdentity.body.servers], [200, [original.alias], []]);
  assert.equal(original.frames.drain().length, 0, 'the original server got nothing');
  await original.close();

  // A server that understands KICK but never answers; another that answers for it.
  const silent = await RawSocket.connect(coordinator.url, SERVER);
  const forger = await RawSocket.connect(coordinator.url, SERVER);
  const second = await RawSocket.connect(coordinator.url);
  assert.ok([silent.alias, forger.alias].includes(second.servers[0]!));
  const target = second.servers[0] === silent.alias ? silent : forger;
  const other = target === silent ? forger : silent;
  const started = Date.now();
  const pending = admin.kick({ alias: second.alias });
  const kick = Kick.decode(await target.frames.next());
  assert.equal(kick.type, MessageType.KICK);
  assert.equal(kick.alias, second.alias);
  other.send(Kicked.encode({ type: MessageType.KICKED, requestId: kick.requestId, closed: 1 }));
  const timedOut = await pending;
  assert.equal(timedOut.status, 504, JSON.stringify(timedOut.body));
  assert.deepEqual(timedOut.body.unanswered, [target.alias]);
  assert.ok(Date.now() - started >= 300);
});

test('a ban is kept by the coordinator, refused at /connect, and sent to every server that registers while it lasts', async (t) => {
  const coordinator = await coordinatorFor(t, { upgradeAuthenticator: {
    authenticate: () => true,
    identify: ({ url }) => utf8.encode(url.searchParams.get('user') ?? ''),
  } });
  const admin = await adminFor(t, coordinator);
  const server = await RawSocket.connect(coordinator.url, SERVER);
  const answering = (async () => {
    for (;;) {
      const frame = await server.frames.next(30_000).catch(() => undefined);
      if (frame === undefined) return;
      const kick = Kick.decode(frame);
      if (kick.requestId > 0) server.send(Kicked.encode({ type: MessageType.KICKED, requestId: kick.requestId, closed: 0 }));
    }
  })();
  const { status, body } = await admin.kick({ identity: 'eve', banSeconds: 60 });
  assert.equal(status, 200, JSON.stringify(body));
  assert.deepEqual(body.servers, [{ server: server.alias, closed: 0 }]);
  assert.equal(coordinator.moderation.bans, 1);

  // /connect as eve: CONNECTION_REFUSED BANNED instead of WELCOME, then the socket closes (1008).
  const refused = await new Promise<{ frame: Uint8Array; code: number }>((resolve, reject) => {
    const ws = new WebSocket(`${coordinator.url}/connect?user=eve`);
    let frame: Uint8Array | undefined;
    ws.on('message', (data: Buffer) => (frame = new Uint8Array(data)));
    ws.on('close', (code) => (frame ? resolve({ frame, code }) : reject(new Error(`closed (${code}) with no frame`))));
    ws.on('error', reject);
  });
  const { type, reason } = ConnectionRefused.decode(refused.frame);
  assert.deepEqual([type, reason, refused.code], [MessageType.CONNECTION_REFUSED, ConnectionRefusedReason.BANNED, 1008]);
  assert.equal(coordinator.stats.refusedBanned, 1);
  assert.equal(coordinator.registry.clientCount, 0);
  const bob = await RawSocket.connect(`${coordinator.url}`, '/connect?user=bob');
  assert.ok(bob.alias > 0);

  // A server registering now gets the ban: a KICK without request id naming eve, with what is left of the 60 s.
  const late = await RawSocket.connect(coordinator.url, SERVER);
  const sync = Kick.decode(await late.frames.next());
  assert.deepEqual([sync.type, sync.requestId, new TextDecoder().decode(sync.identity)], [MessageType.KICK, 0, 'eve']);
  assert.ok(sync.banMs > 55_000 && sync.banMs <= 60_000, String(sync.banMs));
  await server.close();
  await answering;
});
