// cli/demo-server.ts: the demo folder, the bundle, config.json, content
// types, and nothing outside those folders.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { DemoServer, demoPortOf } from '../../cli/demo-server.js';

/** A GET with the path sent exactly as given (fetch would normalize `..`). */
function get(url: string, path: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, type: response.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the demo static server', () => {
  let server: DemoServer;

  before(async () => {
    server = await DemoServer.start({ coordinatorUrl: 'ws://127.0.0.1:9999', port: 0 });
  });

  after(() => server?.close());

  test('serves the page, its script and style, the bundle and the config', async () => {
    const page = await get(server.url, '/');
    assert.equal(page.status, 200);
    assert.equal(page.type, 'text/html; charset=utf-8');
    assert.match(page.body, /<script type="module" src="demo.js">/);
    assert.equal((await get(server.url, '/demo.js')).type, 'text/javascript; charset=utf-8');
    assert.equal((await get(server.url, '/demo.css')).type, 'text/css; charset=utf-8');
    const bundle = await get(server.url, '/lib/broker-client.js');
    assert.equal(bundle.status, 200);
    assert.equal(bundle.type, 'text/javascript; charset=utf-8');
    const config = await get(server.url, '/config.json');
    assert.equal(config.type, 'application/json; charset=utf-8');
    assert.deepEqual(JSON.parse(config.body), { coordinatorUrl: 'ws://127.0.0.1:9999' });
    const head = await get(server.url, '/demo.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });

  test('answers 404 outside its folders and 405 to other methods', async () => {
    for (const path of [
      '/nothing.html', '/../package.json', '/%2e%2e/package.json', '/lib/../../package.json', '/lib/%2e%2e/%2e%2e/package.json',
      '/..%2fpackage.json', '/lib/..%2f..%2fpackage.json', '/%2e%2e%5cpackage.json', '/lib/', '/lib', '/%00',
    ]) {
      const response = await get(server.url, path);
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(response.body, /webrtc-broker/, path);
    }
    assert.equal((await get(server.url, '/%E0%A4%A')).status, 400);
    assert.equal((await get(server.url, '/', 'POST')).status, 405);
  });

  test('the demo port defaults to the coordinator port + 1, 0 stays 0', () => {
    assert.equal(demoPortOf(undefined, 9090), 9091);
    assert.equal(demoPortOf(undefined, 0), 0);
    assert.equal(demoPortOf(8000, 9090), 8000);
    assert.throws(() => demoPortOf(70000, 9090), /--demo-port/);
    assert.throws(() => demoPortOf(undefined, 65535), /--demo-port/);
  });
});
