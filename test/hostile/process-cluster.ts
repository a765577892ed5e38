// A coordinator and one comm server, each in a process of its own as
// `broker coordinator` and `broker commserver` start them, and a bystander
// pair of our clients: for input that might crash or wedge a process.
import type { BrokerClient } from '../../client/index.js';
import { startCoordinatorProcess, type BrokerProcess } from '../../shared/processes.js';
import { Child } from './child.js';
import { Bystanders, clusterAt } from './helpers.js';

export interface ProcessCluster {
  readonly coordinator: BrokerProcess;
  readonly coordinatorUrl: string;
  readonly server: Child;
  readonly serverAlias: number;
  readonly bystanders: Bystanders;
  /** Closes the bystanders and kills both processes. */
  close(): Promise<void>;
}

export async function startProcessCluster(serverArgs: string[] = [], coordinatorArgs: string[] = []): Promise<ProcessCluster> {
  const clients: BrokerClient[] = [];
  const { process: coordinator, url: coordinatorUrl } = await startCoordinatorProcess({ stderr: 'ignore', args: coordinatorArgs });
  const server = Child.commServer(coordinatorUrl, serverArgs);
  const close = async (): Promise<void> => {
    for (const client of clients) client.close();
    await server.kill();
    await coordinator.kill();
  };
  try {
    const [, serverAlias] = await server.stdout(/^comm server registered as alias (\d+)/);
    const bystanders = await Bystanders.start(clusterAt(coordinatorUrl, clients));
    return { coordinator, coordinatorUrl, server, serverAlias: Number(serverAlias), bystanders, close };
  } catch (error) {
    await close();
    throw error;
  }
}
