// What a comm server process loads: it serves WebRTC clients with our own DTLS
// certificate, so @peculiar/x509 (werift's certificate maker, ~7 MiB of RSS)
// never loads.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startCommServerProcess } from '../../shared/processes.js';
import { startCluster } from '../helpers/cluster.js';
import { Inbox, untilRouted } from '../helpers/messages.js';
import { MODULE_TRACE_FILE, moduleTraceImport, tracedModules } from '../helpers/module-trace.js';

test('a comm server process completes DTLS with clients without loading @peculiar/x509', { timeout: 60_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'module-trace-'));
  const traceFile = join(dir, 'commserver');
  const cluster = await startCluster({ servers: 0 });
  const server = await startCommServerProcess({
    coordinatorUrl: cluster.coordinator.url,
    nodeArgs: ['--import', moduleTraceImport],
    env: { ...process.env, [MODULE_TRACE_FILE]: traceFile },
    stderr: 'ignore',
  });
  try {
    const clients = await Promise.all([cluster.connect({ transport: 'webrtc' }), cluster.connect({ transport: 'webrtc' })]);
    assert.deepEqual(clients.map((client) => client.transport), ['webrtc', 'webrtc']);
    const inboxes = clients.map((client) => new Inbox(client));
    for (const client of clients) client.subscribe('t');
    await untilRouted('t', clients, clients.map((client, index) => ({ client, inbox: inboxes[index]! })));

    const modules = tracedModules(traceFile);
    assert.ok(modules.some((url) => url.endsWith('/dist/werift/index.mjs')), 'the trace sees our werift copy');
    assert.deepEqual(modules.filter((url) => url.includes('@peculiar/x509')), []);
  } finally {
    await server.process.kill();
    await cluster.close();
    await rm(dir, { recursive: true, force: true });
  }
});
