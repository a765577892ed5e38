// The cluster a load test runs against: a local one it starts (a coordinator
// and S comm servers as child processes), or the coordinators of an existing one.
import { BrokerProcess, COMM_SERVER_REGISTERED, serversLinked, type BrokerProcessOptions } from '../shared/processes.js';

export interface ServerProcess {
  pid: number;
  alias?: number;
  /** Its operations endpoint (/metrics), when the cluster was started with `operations`. */
  operationsUrl?: string;
}

export interface TargetCluster {
  coordinatorUrls: string[];
  coordinatorPid?: number;
  servers: ServerProcess[];
  stop(): Promise<void>;
}

export interface LocalClusterOptions {
  servers: number;
  /** Extra comm server flags, e.g. ['--unreliable-queue-bytes', '2048']. */
  serverArgs?: string[];
  /** The comm servers' environment, e.g. NODE_OPTIONS preloading the CPU profiler. */
  serverEnv?: NodeJS.ProcessEnv;
  logLevel?: string;
  /** Each comm server serves /metrics on a free port (--http-port 0), for counters read during the run. */
  operations?: boolean;
}

/**
 * Each process is owned (and stopped on failure) from the moment it is
 * spawned: shared/processes.ts's start functions leave a child running when its
 * readiness line never comes, which would outlive a failed run.
 */
export async function startLocalCluster(options: LocalClusterOptions): Promise<TargetCluster> {
  const children: BrokerProcess[] = [];
  const spawn = (args: string[], processOptions: BrokerProcessOptions = {}) => {
    const child = new BrokerProcess(args, processOptions);
    children.push(child);
    return child;
  };
  const stop = async () => {
    await Promise.all(children.map((child) => child.stop(5_000, 'SIGINT')));
  };
  try {
    const logLevel = options.logLevel ?? 'error';
    const coordinator = spawn(['coordinator', '--port', '0', '--log-level', logLevel]);
    const [, coordinatorUrl] = await coordinator.waitForLine(/^coordinator listening on (\S+)/);
    const servers = await Promise.all(Array.from({ length: options.servers }, async () => {
      const server = spawn(
        ['commserver', '--coordinator-url', coordinatorUrl, ...serverFlags(options.serverArgs ?? [], logLevel, options.operations === true)],
        { env: options.serverEnv },
      );
      const [, alias, pid] = await server.waitForLine(COMM_SERVER_REGISTERED);
      const operationsUrl = options.operations ? (await server.waitForLine(OPERATIONS_ENDPOINT))[1] : undefined;
      return { process: server, alias: Number(alias), pid: Number(pid), operationsUrl };
    }));
    if (options.servers > 1) await Promise.all(servers.map((server) => serversLinked(server.process, options.servers - 1)));
    return {
      coordinatorUrls: [coordinatorUrl],
      coordinatorPid: coordinator.pid,
      servers: servers.map((server) => ({ pid: server.pid, alias: server.alias, operationsUrl: server.operationsUrl })),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A cluster someone else runs; `serverPids` lets the run sample its comm servers when they are on this host. */
export function existingCluster(coordinatorUrls: string[], serverPids: readonly number[] = []): TargetCluster {
  return { coordinatorUrls, servers: serverPids.map((pid) => ({ pid })), stop: async () => undefined };
}

/** The line a broker process prints once its operations endpoint listens (cli/operations-endpoint.ts). */
const OPERATIONS_ENDPOINT = /^operations endpoint on (\S+)/;

/**
 * The comm servers' flags: the run's --server-arg ones, and ours where they
 * set none (a flag given twice would reach the server as a list). A load
 * test measures the server, not its per-client message rate limit (1000/s by
 * default, which a fanout publisher exceeds), so that is off.
 */
function serverFlags(serverArgs: string[], logLevel: string, operations: boolean): string[] {
  const defaults: Array<[string, string]> = [
    ['--log-level', logLevel], ['--max-messages-per-second', '0'], ...(operations ? [['--http-port', '0'] as [string, string]] : []),
  ];
  const sets = (flag: string) => serverArgs.some((arg) => arg === flag || arg.startsWith(`${flag}=`));
  return [...defaults.filter(([flag]) => !sets(flag)).flat(), ...serverArgs];
}
