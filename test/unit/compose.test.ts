// The container files, checked without a Docker engine: docker-compose.yml
// parses, its services run command lines the broker accepts (those of the
// nats profile too: two coordinators sharing a NATS), the README documents
// them, and the Dockerfile builds with the commands CI runs.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const broker = fileURLToPath(new URL('dist/cli/broker.js', root));
const run = promisify(execFile);

interface Service {
  build?: unknown;
  image?: string;
  profiles?: string[];
  volumes?: string[];
  command?: string[];
  environment?: Record<string, string>;
  network_mode?: string;
  ports?: unknown;
  container_name?: string;
  secrets?: string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  ulimits?: { nofile?: number };
  depends_on?: Record<string, { condition: string }>;
}
// Merge keys (<<:): the nats profile's services are built on the default ones.
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, Service>; volumes?: Record<string, unknown>; secrets?: Record<string, { file: string }>;
};
/** The services of `docker compose up`: those in no profile. */
const defaultServices = Object.keys(compose.services).filter((name) => compose.services[name]!.profiles === undefined);
const brokerServices = Object.entries(compose.services).filter(([, service]) => service.image === 'webrtc-broker');

/** Compose's variable interpolation, as `docker compose` does it with the variables unset: ${NAME:-default}. */
const interpolate = (value: string) => value.replace(/\$\{\w+:-([^}]*)\}/g, '$1');
const readme = read('README.md');
const containerSection = readme.slice(readme.indexOf('## Running in containers'));

/** The options a service's command line and environment resolve to, as `broker ... --print-config` prints them. */
async function resolvedOptions(service: Service): Promise<Record<string, unknown>> {
  assert.ok(Array.isArray(service.command), 'command is an exec-form list');
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BROKER_')));
  const { stdout } = await run(process.execPath, [broker, ...service.command, '--print-config'], {
    env: { ...env, ...Object.fromEntries(Object.entries(service.environment ?? {}).map(([name, value]) => [name, interpolate(value)])) }, timeout: 20_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

test('docker-compose.yml names a coordinator and a scalable commserver service', () => {
  assert.deepEqual(defaultServices.sort(), ['commserver', 'coordinator']);
  const { coordinator, commserver } = compose.services;
  assert.equal(coordinator.command?.[0], 'coordinator');
  assert.equal(commserver.command?.[0], 'commserver');
  // --scale needs replicas that claim no fixed host port or name.
  assert.equal(commserver.ports, undefined);
  assert.equal(commserver.container_name, undefined);
  assert.equal(commserver.environment?.NODE_OPTIONS, undefined, 'the comm server applies its V8 heap settings itself');
  for (const service of [coordinator, commserver]) {
    assert.equal(service.network_mode, 'host', 'WebRTC needs the host network (see the comments in docker-compose.yml)');
    assert.equal(service.image, 'webrtc-broker');
  }
});

test("the services' command lines and environment are options the broker accepts, and the servers find the coordinator", async () => {
  const coordinator = await resolvedOptions(compose.services.coordinator);
  const commserver = await resolvedOptions(compose.services.commserver);
  assert.equal(coordinator.host, '0.0.0.0');
  const url = new URL(String(commserver['coordinator-url']));
  assert.equal(Number(url.port), coordinator.port);
  assert.ok(['127.0.0.1', 'localhost'].includes(url.hostname), 'host networking: the coordinator is on this host');
  for (const [name, value] of Object.entries(compose.services.commserver.environment ?? {})) {
    if (!name.startsWith('BROKER_')) continue;
    const flag = name.slice('BROKER_'.length).toLowerCase().replace(/_/g, '-');
    assert.equal(String(commserver[flag]), interpolate(value), `${name} took effect`);
  }
});

test('the services run secured, healthchecked, reachable for WebSocket clients, and comm servers get time to drain', async () => {
  for (const [name, service] of brokerServices) {
    const options = await resolvedOptions(service);
    // A cluster secret and client tokens, each from a Docker secret backed by a file.
    for (const [flag, secret] of [['cluster-secret-file', 'cluster_secret'], ['client-token-secret-file', 'client_token_secret']]) {
      assert.equal(options[flag], `/run/secrets/${secret}`, `${name} --${flag}`);
      assert.ok(service.secrets?.includes(secret!), `${name} mounts ${secret}`);
      assert.ok(compose.secrets?.[secret!]?.file, `the ${secret} secret comes from a file`);
    }
    // The healthcheck reads the URL the process writes (--http-url-file) of its operations port.
    assert.notEqual(options['http-port'], undefined, `${name} --http-port`);
    assert.deepEqual(service.healthcheck?.test, ['CMD', 'node', 'dist/cli/healthcheck.js', options['http-url-file']]);
  }
  const commserver = await resolvedOptions(compose.services.commserver);
  assert.equal(commserver['http-port'], 0, 'replicas on the host network pick their own operations port');
  assert.equal(commserver['ws-host'], '0.0.0.0', 'the WebSocket fallback answers other hosts');
  assert.equal(new URL(String(commserver['ws-public-url'])).port, '0', 'clients are told the port each replica bound');
  const grace = /^(\d+)s$/.exec(compose.services.commserver.stop_grace_period ?? '');
  assert.ok(grace && Number(grace[1]) * 1000 > Number(commserver['drain-timeout-ms']), 'stop_grace_period is longer than the drain');
  assert.equal(compose.services.commserver.depends_on?.coordinator?.condition, 'service_healthy');
  assert.ok(Number(compose.services.commserver.ulimits?.nofile) > Number(commserver['max-peers']) + 1000, 'open files for a socket per peer');
  const ignored = read('.gitignore').split('\n');
  assert.ok(ignored.includes('secrets/'), 'the secret files are not committed');
});

test('the nats profile runs NATS with JetStream and a store volume, two coordinators on it and comm servers given both', async () => {
  const inProfile = Object.keys(compose.services).filter((name) => compose.services[name]!.profiles?.includes('nats'));
  assert.deepEqual(inProfile.sort(), ['nats', 'nats-commserver', 'nats-coordinator-1', 'nats-coordinator-2']);
  assert.equal(inProfile.length + defaultServices.length, Object.keys(compose.services).length, 'every service is a default one or in the nats profile');

  const { nats } = compose.services;
  const command = nats!.command ?? [];
  const flag = (name: string) => command[command.indexOf(name) + 1];
  assert.equal(nats!.image, 'nats:2');
  assert.ok(command.includes('-js'), 'JetStream on');
  const [volume, storeDir] = (nats!.volumes?.[0] ?? '').split(':');
  assert.equal(storeDir, flag('-sd'), 'the JetStream store is in the volume');
  assert.ok(compose.volumes && volume! in compose.volumes, `volume ${volume} is declared`);
  assert.equal(nats!.network_mode, 'host', 'the coordinators reach it on the host');
  assert.equal(flag('-a'), '127.0.0.1', 'NATS, without users, listens on this host only');
  const natsUrl = `nats://127.0.0.1:${flag('-p')}`;

  const coordinators = await Promise.all(['nats-coordinator-1', 'nats-coordinator-2'].map(async (name) => {
    const service = compose.services[name]!;
    assert.equal(service.depends_on?.nats?.condition, 'service_started', name);
    return resolvedOptions(service);
  }));
  assert.deepEqual(coordinators.map((options) => [options.port, options['http-port']]), [[9090, 9190], [9091, 9191]]);
  for (const options of coordinators) assert.deepEqual(options.nats, [natsUrl]);

  const commserver = await resolvedOptions(compose.services['nats-commserver']!);
  assert.deepEqual(commserver['coordinator-url'], coordinators.map((options) => `ws://127.0.0.1:${String(options.port)}`));
  assert.equal(commserver.backbone, 'nats', 'the comm servers exchange topic messages over NATS');
  assert.deepEqual(commserver.nats, [natsUrl]);
  for (const name of ['nats-coordinator-1', 'nats-coordinator-2']) {
    assert.equal(compose.services['nats-commserver']!.depends_on?.[name]?.condition, 'service_healthy', name);
  }
  assert.equal(compose.services['nats-commserver']!.ports, undefined, 'scalable: no fixed host port');
});

test('the README documents the services, the port and the variables of docker-compose.yml', () => {
  assert.ok(containerSection.length > 20, 'README.md has a "Running in containers" section');
  const section = containerSection.slice(0, containerSection.indexOf('\n## ', 5) > 0 ? containerSection.indexOf('\n## ', 5) : undefined);
  assert.match(section, /docker compose up --build --scale commserver=3/);
  assert.match(section, /docker compose --profile nats up --build --scale nats-commserver=3 nats-commserver/);
  for (const name of Object.keys(compose.services)) assert.match(section, new RegExp(`\`${name}\``));
  const coordinator = compose.services.coordinator.command ?? [];
  assert.match(section, new RegExp(`\\b${coordinator[coordinator.indexOf('--port') + 1]}\\b`), 'the coordinator port');
  for (const name of Object.keys(compose.services.commserver.environment ?? {})) assert.match(section, new RegExp(name));
  assert.match(section, /network_mode: host/);
  assert.match(section, /UDP/);
});

test('the Dockerfile builds with the commands CI runs, and its runtime stage copies what a build produces', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
  const stages = instructions.filter((line) => line.startsWith('FROM '));
  assert.equal(stages.length, 2, 'multi-stage: build and runtime');
  for (const stage of stages) assert.match(stage, /^FROM node:20[-.\w]*/, 'Node 20, as package.json engines');
  const runs = instructions.filter((line) => line.startsWith('RUN ')).map((line) => line.slice(4));
  assert.deepEqual(runs.map((line) => line.split('&&')[0].trim().split(' ').slice(0, 3).join(' ')), ['npm ci', 'npm run build', 'npm prune --omit=dev']);
  // CI installs and builds the same way: .ci/run runs npm ci, then npm test, which starts with npm run build.
  assert.match(read('.ci/run'), /^npm ci$/m);
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  assert.match(scripts.test, /^npm run build\b/);
  for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(scripts[hook], undefined, `no ${hook} script`);
  assert.match(scripts.build, /scripts\/werift\.js build/, 'the build writes our patched werift into dist/');
  // The runtime stage never runs npm and runs as a user.
  const runtime = instructions.slice(instructions.indexOf(stages[1]));
  assert.equal(runtime.filter((line) => line.startsWith('RUN ')).length, 0);
  assert.ok(runtime.some((line) => /^USER (?!root\b)\S+/.test(line)), 'non-root user');
  for (const line of runtime.filter((l) => l.startsWith('COPY --from=build '))) {
    const source = line.split(/\s+/)[2].replace(/^\/app\//, '');
    assert.ok(existsSync(new URL(source, root)), `${source} exists after a build`);
  }
  const entrypoint = JSON.parse(runtime.find((line) => line.startsWith('ENTRYPOINT '))!.slice('ENTRYPOINT '.length)) as string[];
  assert.ok(existsSync(new URL(entrypoint[1], root)), `${entrypoint[1]} exists after a build`);
  const ignored = read('.dockerignore').split('\n').map((line) => line.trim());
  for (const path of ['node_modules', 'dist', '.git']) assert.ok(ignored.includes(path), `.dockerignore: ${path}`);
});
