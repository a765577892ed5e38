// The cluster a load test runs against: a local one it starts (a coordinator
// and S comm servers as child processes), or an existing coordinator.
import {
  serversLinked, startCommServerProcess, startCoordinatorProcess, type BrokerProcess,
} from '../cli/processes.js';

export interface ServerProcess {
  pid: number;
  alias?: number;
}

export interface TargetCluster {
  coordinatorUrl: string;
  coordinatorPid?: number;
  servers: ServerProcess[];
  stop(): Promise<void>;
}

export interface LocalClusterOptions {
  servers: number;
  /** Extra comm server flags, e.g. ['--unreliable-queue-bytes', '2048']. */
  serverArgs?: string[];
  /** The comm servers' environment, e.g. NODE_OPTIONS with --cpu-prof. */
  serverEnv?: NodeJS.ProcessEnv;
  logLevel?: string;
}

export async function startLocalCluster(options: LocalClusterOptions): Promise<TargetCluster> {
  const children: BrokerProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map((child) => child.stop()));
  };
  try {
    const logLevel = options.logLevel ?? 'error';
    const coordinator = await startCoordinatorProcess({ logLevel });
    children.push(coordinator.process);
    const servers = await Promise.all(Array.from({ length: options.servers }, async () => {
      const server = await startCommServerProcess({
        coordinatorUrl: coordinator.url, logLevel, args: options.serverArgs, env: options.serverEnv,
      });
      children.push(server.process);
      return server;
    }));
    if (options.servers > 1) await Promise.all(servers.map((server) => serversLinked(server.process, options.servers - 1)));
    return {
      coordinatorUrl: coordinator.url,
      coordinatorPid: coordinator.process.pid,
      servers: servers.map((server) => ({ pid: server.process.pid!, alias: server.alias })),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A cluster someone else runs; `serverPids` lets the run sample its comm servers when they are on this host. */
export function existingCluster(coordinatorUrl: string, serverPids: readonly number[] = []): TargetCluster {
  return { coordinatorUrl, servers: serverPids.map((pid) => ({ pid })), stop: async () => undefined };
}
