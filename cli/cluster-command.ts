import type { Argv } from 'yargs';
import { portFrom } from './limit-flags.js';
import { ENV_PREFIX, EXIT_PORT_IN_USE, EXIT_RUNTIME, RuntimeFailure, addCommand, integerIn, logOptions } from './options.js';
import { DemoServer, demoFlags, demoPortOf } from './demo-server.js';
import { BrokerProcess, serversLinked, startCommServerProcess, startCoordinatorProcess } from '../shared/processes.js';
import { clusterSecurityOptions, passSecrets } from './security-options.js';

export function clusterCommand(yargs: Argv) {
  return addCommand(yargs, {
    name: 'cluster',
    summary: 'Run a local cluster: a coordinator and N comm servers as child processes on 127.0.0.1 (Ctrl-C stops all)',
    examples: [
      ['$0 cluster', 'coordinator :9090, 2 comm servers, demo page'],
      ['$0 cluster --servers 3 --topology star', 'servers linked by a hub'],
    ],
    main: ['servers', 'port', 'topology', 'demo', 'demo-port', 'log-level', 'log-format'],
    options: (y) => y.options({
      servers: { type: 'number', default: 2, description: 'Number of comm servers', coerce: integerIn('servers', 1) },
      port: { type: 'number', default: 9090, description: "Coordinator's TCP port (0 picks a free one)", coerce: integerIn('port', 0, 65535) },
      topology: {
        choices: ['mesh', 'star'] as const, default: 'mesh' as const,
        description: 'star adds a HUB server that the others link to',
      },
      ...demoFlags,
      ...logOptions('warn'),
      ...clusterSecurityOptions,
    }),
    run: async (argv) => {
      const children: BrokerProcess[] = [];
      let stopping = false;
      let demo: DemoServer | undefined;
      const stopAll = async () => {
        stopping = true;
        await demo?.close();
        await Promise.all(children.map((child) => child.stop(5_000, 'SIGINT')));
        process.exit(0);
      };
      process.on('SIGINT', stopAll);
      process.on('SIGTERM', stopAll);
      try {
        const logLevel = argv['log-level'];
        const args = ['--log-format', argv['log-format']];
        // The children read their options from flags and the environment, not from this command's config file.
        const env = { ...process.env };
        delete env[`${ENV_PREFIX}_CONFIG`];
        passSecrets(argv, env);
        const coordinator = await startCoordinatorProcess({ port: portFrom('port', argv.port), topology: argv.topology, logLevel, args, env });
        children.push(coordinator.process);
        const star = argv.topology === 'star';
        if (star) children.push((await startCommServerProcess({ coordinatorUrl: coordinator.url, hub: true, logLevel, args, env })).process);
        const servers = await Promise.all(Array.from({ length: argv.servers }, () =>
          startCommServerProcess({ coordinatorUrl: coordinator.url, logLevel, args, env })));
        children.push(...servers.map((server) => server.process));
        // Each server links to the hub (star) or to every other server (mesh); a lone mesh server has
        // nothing to link to (and prints no "servers linked" line).
        const links = star ? 1 : argv.servers - 1;
        if (links > 0) await Promise.all(servers.map((server) => serversLinked(server.process, links)));
        if (argv.demo) demo = await DemoServer.start({ coordinatorUrl: coordinator.url, port: demoPortOf(argv['demo-port'], argv.port) });
        for (const child of children) {
          void child.exited.then((code) => stopping || process.stderr.write(`broker process ${child.pid} exited (${code})\n`));
        }
        process.stdout.write([
          `local cluster up: coordinator ${coordinator.url}, ${argv.servers} comm server${argv.servers === 1 ? '' : 's'} (${argv.topology})`,
          `comm server aliases: ${servers.map((server) => server.alias).join(', ')}`,
          ...(demo ? [`demo page: ${demo.url}  (open it in several tabs)`] : []),
          '',
          'Connect a client:',
          "  import { BrokerClient } from 'webrtc-broker';",
          `  const client = await BrokerClient.connect({ coordinatorUrl: '${coordinator.url}' });`,
          "  client.subscribe('chat'); client.on('message', ({ topic, from, body }) => show(topic, from, body));",
          "  client.publish('chat', 'hello');",
          '',
          'Ctrl-C stops the cluster.',
          '',
        ].join('\n'));
      } catch (error) {
        await demo?.close();
        await Promise.all(children.map((child) => child.stop(5_000, 'SIGINT')));
        // A child that exited at start has said why on stderr (a port in use: its exit code 3); so does this process.
        const exitCode = (error as { exitCode?: unknown }).exitCode;
        if (typeof exitCode === 'number') {
          throw new RuntimeFailure(`a broker process of the cluster exited at start (${exitCode})`, exitCode === EXIT_PORT_IN_USE ? EXIT_PORT_IN_USE : EXIT_RUNTIME);
        }
        throw error;
      }
    },
  });
}
