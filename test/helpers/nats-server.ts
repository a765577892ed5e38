// A real NATS server for tests: Debian's `nats-server` (`.ci/run` installs
// it) on 127.0.0.1, with JetStream and a store in a temporary folder. It
// is ready once it prints "Server is ready"; stopping it removes the store.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';

/** Servers not stopped yet, and the stores they own: killed and removed when this process exits, whatever the test did. */
const running = new Map<ChildProcess, string | undefined>();
process.once('exit', () => {
  for (const [child, store] of running) {
    child.kill('SIGKILL');
    if (store !== undefined) rmSync(store, { recursive: true, force: true });
  }
});

/** The binary: $NATS_SERVER, else Debian's path, else `nats-server` on PATH. */
export function natsServerBinary(): string {
  if (process.env.NATS_SERVER) return process.env.NATS_SERVER;
  return existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server';
}

export interface NatsServerOptions {
  /** Client port; default: one the server picks (-p -1). Give the old one to start a server again where it was. */
  port?: number;
  /** Store folder; default: a new temporary one, removed by stop(). */
  storeDir?: string;
  /** More nats-server flags (--user, --pass, --cluster, ...). */
  args?: string[];
  /** JetStream on (with the store). Default true. */
  jetstream?: boolean;
  /** How long to wait for "Server is ready". Default 10000. */
  readyTimeoutMs?: number;
  /** A log line to wait for as well (a JetStream cluster's leader elected). */
  alsoWaitFor?: RegExp;
}

export class NatsServer {
  readonly child: ChildProcess;
  readonly port: number;
  readonly storeDir: string;
  readonly exited: Promise<unknown>;
  readonly #ownsStore: boolean;
  /** The last lines it logged, for a failing test's message. */
  readonly #lines: string[];

  private constructor(child: ChildProcess, port: number, storeDir: string, ownsStore: boolean, lines: string[], exited: Promise<unknown>) {
    this.child = child;
    this.port = port;
    this.storeDir = storeDir;
    this.#ownsStore = ownsStore;
    this.#lines = lines;
    this.exited = exited;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  get log(): string {
    return this.#lines.join('\n');
  }

  static async start(options: NatsServerOptions = {}): Promise<NatsServer> {
    const ownsStore = options.storeDir === undefined;
    const storeDir = options.storeDir ?? await mkdtemp(join(tmpdir(), 'broker-nats-'));
    const child = spawn(natsServerBinary(), [
      '-a', '127.0.0.1', '-p', String(options.port ?? -1), ...(options.jetstream === false ? [] : ['-js', '-sd', storeDir]), ...(options.args ?? []),
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    running.set(child, ownsStore ? storeDir : undefined);
    const exited = once(child, 'exit').catch(() => undefined).finally(() => running.delete(child));
    const lines: string[] = [];
    const ready = new Promise<number>((resolve, reject) => {
      let port: number | undefined;
      let ready = false;
      let alsoSeen = options.alsoWaitFor === undefined;
      const timer = setTimeout(() => reject(new Error(`nats-server not ready within ${options.readyTimeoutMs ?? 10_000} ms:\n${lines.join('\n')}`)),
        options.readyTimeoutMs ?? 10_000);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`cannot start ${natsServerBinary()} (apt-get install nats-server): ${error.message}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`nats-server exited (${code}) before it was ready:\n${lines.join('\n')}`));
      });
      createInterface({ input: child.stderr! }).on('line', (line) => {
        lines.push(line);
        if (lines.length > 200) lines.shift();
        const listening = /Listening for client connections on [^\s]+:(\d+)/.exec(line);
        if (listening) port = Number(listening[1]);
        if (/Server is ready/.test(line)) ready = true;
        if (options.alsoWaitFor?.test(line)) alsoSeen = true;
        if (ready && alsoSeen && port !== undefined) {
          clearTimeout(timer);
          resolve(port);
        }
      });
    });
    try {
      const port = await ready;
      return new NatsServer(child, port, storeDir, ownsStore, lines, exited);
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      if (ownsStore) await rm(storeDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** SIGKILL: the server dies at once, its store stays (for start({ port, storeDir })). */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM (SIGKILL after graceMs), then removes the store if this server made it. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    if (this.#ownsStore) await rm(this.storeDir, { recursive: true, force: true });
  }
}

/** A free TCP port on 127.0.0.1 (for a NATS cluster's routes, which must be known before the servers start). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * `size` NATS servers in one cluster with JetStream, ready once each has
 * seen the JetStream metadata leader elected. Once in a while (seen in one
 * CI pass in many) nats-server 2.9.10's nodes, started together, settle
 * their duplicate routes and then never elect a metadata leader; a cluster
 * that has none within 15 s is stopped and started afresh, once.
 */
export async function startNatsCluster(size: number): Promise<NatsServer[]> {
  try {
    return await startNatsClusterOnce(size);
  } catch {
    return startNatsClusterOnce(size);
  }
}

async function startNatsClusterOnce(size: number): Promise<NatsServer[]> {
  const routePorts = await Promise.all(Array.from({ length: size }, () => freePort()));
  const routes = routePorts.map((port) => `nats://127.0.0.1:${port}`).join(',');
  const started = await Promise.allSettled(routePorts.map((port, i) => NatsServer.start({
    args: ['--server_name', `n${i + 1}`, '--cluster_name', 'broker-test', '--cluster', `nats://127.0.0.1:${port}`, '--routes', routes],
    alsoWaitFor: /JetStream cluster new metadata leader|Self is new JetStream cluster metadata leader/,
    readyTimeoutMs: 15_000,
  })));
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed === undefined) return servers;
  await Promise.all(servers.map((server) => server.stop()));
  throw failed.reason;
}
