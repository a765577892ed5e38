// Options from flags, BROKER_* variables and a --config file, as an operator
// gives them: real `broker` processes.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { commServerLimitSpec, coordinatorLimitSpec } from '../../shared/config.js';

const broker = fileURLToPath(new URL('../../cli/broker.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'broker-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function configFile(values: unknown): string {
  const path = join(dir, `config-${files++}.json`);
  writeFileSync(path, typeof values === 'string' ? values : JSON.stringify(values));
  return path;
}

/** The test runner's own BROKER_* variables must not leak into the children. */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BROKER_')));
  return { ...env, ...extra };
}

interface Result { code: number | null; stdout: string; stderr: string }

function run(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [broker, ...args], { env: environment(env), timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

async function printConfig(args: string[], env: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const result = await run([...args, '--print-config'], env);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

async function assertUsageError(args: string[], env: Record<string, string>, ...patterns: RegExp[]): Promise<void> {
  const result = await run(args, env);
  assert.equal(result.code, 2, `${args.join(' ')} ${JSON.stringify(env)} must exit 2: ${result.stderr}`);
  for (const pattern of patterns) assert.match(result.stderr, pattern);
}

test('a bad value from a flag exits 2 naming the option', async () => {
  // Independent processes: at once, as the CLI tests are many.
  await Promise.all([
    assertUsageError(['commserver', '--coordinator-url', 'http://127.0.0.1:9090'], {}, /--coordinator-url must be a ws:\/\/ or wss:\/\/ URL/),
    assertUsageError(['coordinator', '--topology', 'ring'], {}, /topology/),
    assertUsageError(['coordinator', '--log-level', 'loud'], {}, /log-level/),
    assertUsageError(['coordinator', '--log-format', 'xml'], {}, /log-format/),
    assertUsageError(['commserver', '--hub=maybe'], {}, /--hub must be true or false/),
    assertUsageError(['commserver', '--port-min', '4000'], {}, /--port-min and --port-max/),
    assertUsageError(['cluster', '--servers', '0'], {}, /--servers must be an integer >= 1/),
    assertUsageError(['commserver', '--max-peerz', '5'], {}, /max-peerz/),
  ]);
});

test('a single-value flag given twice exits 2 saying so; a repeatable one takes both', async () => {
  const twice = /was given more than once; it takes one value/;
  const [, , , repeated] = await Promise.all([
    assertUsageError(['coordinator', '--port', '0', '--port', '0'], {}, /--port /, twice),
    assertUsageError(['commserver', '--log-level', 'warn', '--log-level', 'error'], {}, /--log-level /, twice),
    assertUsageError(['cluster', '--servers', '1', '--servers', '2'], {}, /--servers /, twice),
    printConfig(['commserver', '--ice-server', 'stun:127.0.0.1:1', '--ice-server', 'stun:127.0.0.1:2']),
  ]);
  assert.deepEqual(repeated['ice-server'], ['stun:127.0.0.1:1', 'stun:127.0.0.1:2']);
});

test('a bad value from an environment variable exits 2 naming the option and the variable', async () => {
  // Independent processes: at once, as the CLI tests are many.
  await Promise.all([
    assertUsageError(['coordinator'], { BROKER_PORT: 'http' }, /--port \(from BROKER_PORT\) must be an integer from 0 to 65535, got "http"/),
    assertUsageError(['commserver'], { BROKER_HUB: 'yes' }, /--hub \(from BROKER_HUB\) must be true or false/),
    assertUsageError(['commserver'], { BROKER_MAX_PEERS: '-1' }, /--max-peers \(from BROKER_MAX_PEERS\) must be a non-negative number/),
    assertUsageError(['commserver'], { BROKER_COORDINATOR_URL: 'localhost:9090' }, /--coordinator-url \(from BROKER_COORDINATOR_URL\)/),
    assertUsageError(['commserver'], { BROKER_ICE_SERVER: 'stun:1.2.3.4:3478 http://x' }, /--ice-server \(from BROKER_ICE_SERVER\)/),
    assertUsageError(['coordinator'], { BROKER_LOG_LEVEL: 'loud' }, /log-level/),
  ]);
});

test('a bad config file exits 2 naming the option and the file', async () => {
  const badPort = configFile({ port: 70000 });
  await assertUsageError(['coordinator', '--config', badPort], {}, new RegExp(`--port \\(from ${badPort}\\) must be an integer from 0 to 65535, got 70000`));
  const badHub = configFile({ hub: 'yes' });
  await assertUsageError(['commserver', '--config', badHub], {}, /--hub \(from .*\) must be true or false/);
  const unknown = configFile({ port: 0, 'max-peers': 5 });
  await assertUsageError(['coordinator', '--config', unknown], {}, new RegExp(`--config ${unknown}: unknown option "max-peers"`));
  await assertUsageError(['coordinator', '--config', configFile('{ "port": ')], {}, /--config .*: not valid JSON/);
  await assertUsageError(['coordinator', '--config', configFile([1, 2])], {}, /--config .*: expected a JSON object/);
  await assertUsageError(['coordinator', '--config', join(dir, 'missing.json')], {}, /--config .*missing\.json/);
  await assertUsageError(['coordinator'], { BROKER_CONFIG: badPort }, /--port \(from .*\) must be an integer/);
});

test('precedence: flags, then environment, then config file, then defaults', async () => {
  const file = configFile({ 'max-peers': 10, 'connect-timeout-ms': 1000, 'server-timeout-ms': 7000, hub: true });
  const env = { BROKER_MAX_PEERS: '20', BROKER_CONNECT_TIMEOUT_MS: '2000' };
  const resolved = await printConfig(['commserver', '--config', file, '--max-peers', '30'], env);
  assert.equal(resolved['max-peers'], 30);
  assert.equal(resolved['connect-timeout-ms'], 2000);
  assert.equal(resolved['server-timeout-ms'], 7000);
  assert.equal(resolved.hub, true);
  assert.equal(resolved['max-topic-length'], commServerLimitSpec.maxTopicLength.default);
  // camelCase keys work in the file too.
  assert.equal((await printConfig(['commserver', '--config', configFile({ maxPeers: 3 })]))['max-peers'], 3);
});

test('every option has an environment variable, booleans and lists included', async () => {
  const resolved = await printConfig(['commserver'], {
    BROKER_HUB: 'true',
    BROKER_ICE_SERVER: 'stun:1.2.3.4:3478 turn:user:pass@1.2.3.4:3478',
    BROKER_COORDINATOR_URL: 'wss://broker.example:443',
    BROKER_SERVER_ID: 'server-a',
    BROKER_PORT_MIN: '40000',
    BROKER_PORT_MAX: '40100',
    BROKER_LOG_LEVEL: 'debug',
    BROKER_LOG_FORMAT: 'pretty',
    ...Object.fromEntries(Object.keys(commServerLimitSpec).map((key, i) =>
      [`BROKER_${key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`, String(100 + i)])),
  });
  assert.equal(resolved.hub, true);
  assert.deepEqual(resolved['ice-server'], ['stun:1.2.3.4:3478', 'turn:user:pass@1.2.3.4:3478']);
  assert.deepEqual(resolved['coordinator-url'], ['wss://broker.example:443']);
  assert.equal(resolved['server-id'], 'server-a');
  assert.deepEqual([resolved['port-min'], resolved['port-max']], [40000, 40100]);
  assert.equal(resolved['log-level'], 'debug');
  assert.equal(resolved['log-format'], 'pretty');
  Object.keys(commServerLimitSpec).forEach((key, i) => {
    assert.equal(resolved[key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)], 100 + i, key);
  });
  assert.equal((await printConfig(['commserver'], { BROKER_HUB: 'false' })).hub, false);
  assert.equal((await printConfig(['coordinator'], { BROKER_TOPOLOGY: 'star', BROKER_HOST: '0.0.0.0' })).topology, 'star');
});

test("another command's BROKER_* variables are ignored (a shared environment)", async () => {
  const resolved = await printConfig(['coordinator'], { BROKER_SERVERS: '3', BROKER_HUB: 'true', BROKER_PORT: '9191' });
  assert.equal(resolved.port, 9191);
  assert.equal(resolved.hub, undefined);
  assert.equal(resolved.servers, undefined);
});

test('--print-config prints a config file that reads back the same', async () => {
  const first = await printConfig(['commserver', '--max-peers', '7', '--hub', '--ice-server', 'stun:1.2.3.4:3478']);
  const again = await printConfig(['commserver', '--config', configFile(first)]);
  assert.deepEqual(again, first);
});

test("a config file's values take effect: the coordinator listens on the file's port and logs at its level and format", async () => {
  const file = configFile({ host: '127.0.0.1', port: 0, 'log-level': 'debug', 'log-format': 'json', 'stats-interval-ms': 0 });
  const child = spawn(process.execPath, [broker, 'coordinator', '--config', file], { env: environment(), stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${stdout} ${stderr}`)), 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (/^coordinator listening on ws:\/\/127\.0\.0\.1:(\d+)/m.test(stdout)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    assert.doesNotMatch(stdout, /:9090\b/, 'port 0 from the file, not the default 9090');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = stderr.split('\n').filter(Boolean);
    assert.ok(lines.length > 0);
    for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), `not a JSON log line: ${line}`);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

test('--log-format pretty writes lines for people, json one object a line', async () => {
  const logsOf = async (format: string) => {
    const child = spawn(process.execPath, [broker, 'coordinator', '--port', '0', '--log-format', format], { env: environment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (stderr.includes('coordinator listening')) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(poll);
        resolve();
      });
    });
    child.kill('SIGTERM');
    await once(child, 'exit').catch(() => undefined);
    clearTimeout(timer);
    return stderr;
  };
  const pretty = await logsOf('pretty');
  assert.match(pretty, /INFO.*\(coordinator\/\d+\).*coordinator listening/);
  assert.throws(() => JSON.parse(pretty.split('\n')[0]));
  const json = await logsOf('json');
  assert.equal((JSON.parse(json.split('\n')[0]) as { msg: string }).msg, 'coordinator listening');
});

test('--help documents every option with its default, and the environment and config file', async () => {
  const root = await run(['--help']);
  assert.equal(root.code, 0);
  for (const text of ['--config', '--print-config', 'BROKER_MAX_PEERS=500', 'Precedence: flags, then environment, then config file']) {
    assert.ok(root.stdout.includes(text), `broker --help lacks ${text}`);
  }
  const expected: Record<string, Record<string, string>> = {
    coordinator: {
      host: '127.0.0.1', port: '9090', topology: 'mesh', 'log-level': 'info', 'log-format': 'pretty if stderr is a terminal',
      ...Object.fromEntries(Object.entries(coordinatorLimitSpec).map(([key, spec]) => [key.replace(/[A-Z]/g, (l) => `-${l.toLowerCase()}`), String(spec.default)])),
    },
    commserver: {
      'coordinator-url': 'ws://127.0.0.1:9090', hub: 'false', 'server-id': 'random per process', 'ice-server': 'none',
      'port-min': 'any', 'port-max': 'any', 'log-level': 'info', 'log-format': 'pretty if stderr is a terminal',
      ...Object.fromEntries(Object.entries(commServerLimitSpec).map(([key, spec]) => [key.replace(/[A-Z]/g, (l) => `-${l.toLowerCase()}`), String(spec.default)])),
    },
    cluster: { servers: '2', port: '9090', topology: 'mesh', 'log-level': 'warn', 'log-format': 'pretty if stderr is a terminal' },
  };
  for (const [command, options] of Object.entries(expected)) {
    const help = await run([command, '--help']);
    assert.equal(help.code, 0);
    // yargs wraps long lines: compare without the layout.
    const flat = help.stdout.replace(/\s+/g, ' ');
    for (const [flag, value] of Object.entries(options)) {
      assert.match(flat, new RegExp(`--${flag} .*?\\[default: "?${value.replace(/[.]/g, '\\.')}`), `broker ${command} --help: --${flag} default ${value}`);
    }
    assert.ok(flat.includes('--config') && flat.includes('--print-config'), `broker ${command} --help lacks the global options`);
  }
});
