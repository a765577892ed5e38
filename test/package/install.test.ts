// The package as a user gets it: `npm pack`, then `npm install
// ./webrtc-broker-*.tgz` into a fresh project (no install scripts anywhere in
// the tree), then a coordinator and a comm server started with the installed
// `broker` command and two clients importing 'webrtc-broker', all from that
// install. The reliable burst (1,500 messages of 100 bytes from one client to
// the other) is one the published werift stalls on (about 865 arrive); the
// installed broker runs our patched copy of werift, dist/werift/index.mjs.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BrokerProcess } from '../../shared/processes.js';
import { MODULE_TRACE_FILE, moduleTraceImport, tracedModules } from '../helpers/module-trace.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackInfo { filename: string; files: { path: string }[] }

/** package.json files under `dir`'s node_modules, scoped packages and nested node_modules included. */
async function installedPackages(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (modules: string): Promise<void> => {
    for (const entry of await readdir(modules, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const path = join(modules, entry.name);
      if (entry.name.startsWith('@')) {
        await walk(path);
        continue;
      }
      if (existsSync(join(path, 'package.json'))) found.push(join(path, 'package.json'));
      await walk(join(path, 'node_modules'));
    }
  };
  await walk(join(dir, 'node_modules'));
  return found;
}

const CLIENTS = `
import { BrokerClient } from 'webrtc-broker';
const [coordinatorUrl] = process.argv.slice(2);
const COUNT = 1500;
const SIZE = 100;
const [sender, receiver] = await Promise.all([0, 1].map(() => BrokerClient.connect({ coordinatorUrl, transport: 'webrtc' })));
let received = 0;
let inOrder = true;
const all = new Promise((resolve) => {
  receiver.on('message', ({ topic, body, reliable }) => {
    if (topic !== 'burst' || !reliable || body.length !== SIZE) return;
    if (new DataView(body.buffer, body.byteOffset).getUint32(0) !== received) inOrder = false;
    if (++received === COUNT) resolve();
  });
});
receiver.subscribe(['burst']);
// The comm server has taken the subscription once the receiver's reliable
// (ordered) channel carried a ping after it.
await receiver.ping({ reliable: true });
for (let index = 0; index < COUNT; index++) {
  const body = new Uint8Array(SIZE);
  new DataView(body.buffer).setUint32(0, index);
  sender.publish('burst', body);
}
const deadline = new Promise((resolve) => setTimeout(resolve, 60_000, 'timeout'));
const outcome = await Promise.race([all.then(() => 'all'), deadline]);
process.stdout.write(JSON.stringify({ outcome, received, inOrder, transports: [sender.transport, receiver.transport] }) + '\\n');
sender.close();
receiver.close();
process.exit(0);
`;

const TYPES = `
import { BrokerClient, BrokerClientError, TopicNameError, type ReceivedMessage } from 'webrtc-broker';
import { BrokerClient as SameClient } from 'webrtc-broker/client';
import { Coordinator } from 'webrtc-broker/coordinator';
import { CommServer } from 'webrtc-broker/commserver';
import { BrokerClient as BrowserClient } from 'webrtc-broker/browser';

export const connecting: Promise<BrokerClient> = BrokerClient.connect({ coordinatorUrl: 'ws://127.0.0.1:9090' });
export const same: typeof BrokerClient = SameClient;
export const browser: Promise<BrowserClient> = BrowserClient.connect({ coordinatorUrl: 'ws://127.0.0.1:9090' });
export const code = (error: BrokerClientError): string => error.code;
export const topic = (message: ReceivedMessage): string => message.topic;
export const invalid = (error: TopicNameError): 'INVALID_TOPIC' => error.code;
export const starting = Coordinator.start({ port: 0 });
export const server = (url: string) => new CommServer({ coordinatorUrl: url });
// @ts-expect-error the options are typed: a URL is a string
BrokerClient.connect({ coordinatorUrl: 9090 });
`;

test('npm pack, npm install into a fresh project, and the installed broker carries a reliable burst', { timeout: 240_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'broker-install-'));
  const processes: BrokerProcess[] = [];
  try {
    const { stdout: packed } = await run(npm, ['pack', '--json', '--pack-destination', dir], { cwd: root });
    const [info] = JSON.parse(packed) as PackInfo[];
    const files = info!.files.map((file) => file.path);
    assert.deepEqual(files.filter((path) => /^dist\/(test|bench)\//.test(path)), [], 'no compiled tests or benchmarks');
    for (const path of ['dist/werift/index.mjs', 'dist/werift/LICENSE', 'dist/cli/broker.js', 'dist/browser/broker-client.js', 'dist/client/index.d.ts']) {
      assert.ok(files.includes(path), `the tarball has ${path}`);
    }

    await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'broker-user', private: true, type: 'module' })}\n`);
    await run(npm, ['install', `./${info!.filename}`, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, timeout: 120_000 });
    const installed = join(dir, 'node_modules', 'webrtc-broker');
    const packages = await installedPackages(dir);
    const withScripts: string[] = [];
    for (const path of packages) {
      const { name, scripts = {} } = JSON.parse(await readFile(path, 'utf8')) as { name: string; scripts?: Record<string, string> };
      if (['preinstall', 'install', 'postinstall'].some((hook) => scripts[hook]) || existsSync(join(path, '..', 'binding.gyp'))) withScripts.push(name);
    }
    assert.deepEqual(withScripts, [], 'nothing in the installed tree runs an install script');
    assert.equal(existsSync(join(dir, 'node_modules', 'werift')), false, 'the published werift is not installed');
    const ownVersion = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version;

    const { stdout: version } = await run(npm, ['exec', '--no', '--', 'broker', '--version'], { cwd: dir });
    assert.equal(version.trim(), ownVersion, 'npx broker --version');

    // What the installed package points its user to is installed with it: the documents the help
    // texts name and the README's links.
    const helps = await Promise.all([[], ['coordinator'], ['commserver'], ['cluster'], ['loadtest']].map(async (command) =>
      (await run(npm, ['exec', '--no', '--', 'broker', ...command, '--help'], { cwd: dir })).stdout));
    const readme = await readFile(join(installed, 'README.md'), 'utf8');
    const named = new Set([
      ...helps.join('\n').replace(/\s+/g, ' ').matchAll(/\b((?:docs|patches)\/[\w.-]+\.md)\b/g),
      ...readme.matchAll(/\]\((?!https?:)([^)#\s]+)/g),
    ].map(([, path]) => path!));
    assert.ok(named.has('docs/CONFIGURATION.md'), [...named].join(', '));
    assert.deepEqual([...named].filter((path) => !existsSync(join(installed, path))), [], 'documents named but not installed');

    const entry = join(dir, 'node_modules', '.bin', 'broker');
    const coordinator = new BrokerProcess(['coordinator', '--port', '0', '--log-level', 'warn'], { entry, stderr: 'ignore' });
    processes.push(coordinator);
    const [, url] = await coordinator.waitForLine(/^coordinator listening on (\S+)/);
    const server = new BrokerProcess(['commserver', '--coordinator-url', url!, '--log-level', 'warn'], { entry, stderr: 'ignore' });
    processes.push(server);
    await server.waitForLine(/^comm server registered as alias (\d+)/);

    await writeFile(join(dir, 'clients.mjs'), CLIENTS);
    const traceFile = join(dir, 'modules');
    const { stdout } = await run(process.execPath, ['--import', moduleTraceImport, join(dir, 'clients.mjs'), url!], {
      cwd: dir, timeout: 90_000, env: { ...process.env, [MODULE_TRACE_FILE]: traceFile },
    });
    assert.deepEqual(JSON.parse(stdout), { outcome: 'all', received: 1500, inOrder: true, transports: ['webrtc', 'webrtc'] });
    const werift = tracedModules(traceFile).filter((module) => /werift/.test(module));
    assert.ok(werift.includes(`${new URL(`file://${installed}/dist/werift/index.mjs`).href}`), werift.join('\n'));

    // Every entry of the exports map resolves, with types (a strict compile of a user's file). Without
    // --skipLibCheck the package's declarations are checked too: the types they import are installed with it.
    await writeFile(join(dir, 'types.ts'), TYPES);
    await run(process.execPath, [
      join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext',
      '--moduleResolution', 'nodenext', '--typeRoots', join(root, 'node_modules', '@types'), '--types', 'node', 'types.ts',
    ], { cwd: dir }).catch((error: { stdout: string }) => assert.fail(`tsc: ${error.stdout}`));
  } finally {
    await Promise.all(processes.map((child) => child.stop()));
    await rm(dir, { recursive: true, force: true });
  }
});
