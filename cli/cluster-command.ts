import type { Argv } from 'yargs';
import { portFrom } from './limit-flags.js';
import {
  ENV_PREFIX, EXIT_NATS_UNREACHABLE, EXIT_PORT_IN_USE, EXIT_RUNTIME, RuntimeFailure, addCommand, integerIn, logOptions,
} from './options.js';
import { DemoServer, demoFlags, demoPortOf } from './demo-server.js';
import { BrokerProcess, serversLinked, startCommServerProcess, startCoordinatorProcess } from '../shared/processes.js';
import { clusterSecurityOptions, passSecrets } from './security-options.js';
import { checkNatsOptions, natsConnectionOptions, natsFlags, natsOptions } from './nats-options.js';
import { coordinatorPorts, coordinatorUrlsFor } from './cluster-coordinators.js';

/** A child's exit code at start that this command exits with too (it says the same); any other becomes EXIT_RUNTIME. */
const PASSED_ON = new Set([EXIT_PORT_IN_USE, EXIT_NATS_UNREACHABLE]);

export function clusterCommand(yargs: Argv) {
  return addCommand(yargs, {
    name: 'cluster',
    summary: 'Run a local cluster: coordinators and N comm servers as child processes on 127.0.0.1 (Ctrl-C stops all)',
    examples: [
      ['$0 cluster', 'coordinator :9090, 2 comm servers, demo page'],
      ['$0 cluster --nats nats://127.0.0.1:4222', '2 coordinators (:9090, :9091)'],
    ],
    main: ['servers', 'port', 'topology', 'nats', 'coordinators', 'backbone', 'demo', 'demo-port', 'log-level', 'log-format'],
    options: (y) => y.options({
      servers: { type: 'number', default: 2, description: 'Number of comm servers', coerce: integerIn('servers', 1) },
      port: { type: 'number', default: 9090, description: "First coordinator's TCP port, the others on the next ones (0 picks free ones)", coerce: integerIn('port', 0, 65535) },
      topology: {
        choices: ['mesh', 'star'] as const, default: 'mesh' as const,
        description: 'star adds a HUB server that the others link to',
      },
      ...natsOptions,
      nats: {
        ...natsOptions.nats, defaultDescription: 'none: one coordinator, in memory',
        description: 'nats://HOST:PORT of a NATS server with JetStream, repeatable: the coordinators share their state on it (with the other NATS options)',
      },
      backbone: {
        choices: ['webrtc', 'nats'] as const, default: 'webrtc' as const,
        description: 'How the comm servers exchange topic messages: a WebRTC link between every two, or over NATS subjects (with --nats)',
      },
      coordinators: {
        type: 'number', defaultDescription: '2 with --nats, else 1', coerce: integerIn('coordinators', 1),
        description: 'Number of coordinators (more than one needs --nats); comm servers are spread over them and given them all',
      },
      ...demoFlags,
      ...logOptions('warn'),
      ...clusterSecurityOptions,
    }),
    run: async (argv) => {
      checkNatsOptions(argv);
      const shared = argv.nats.length > 0;
      const count = argv.coordinators ?? (shared ? 2 : 1);
      if (count > 1 && !shared) throw new Error('--coordinators above 1 needs --nats: the coordinators share their state on NATS');
      const backbone = argv.backbone === 'nats';
      if (backbone && !shared) throw new Error('--backbone nats needs --nats');
      if (backbone && argv.topology === 'star') throw new Error('--backbone nats and --topology star: on the backbone NATS relays between the servers');
      const ports = coordinatorPorts(portFrom('port', argv.port), count);
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
        const coordinatorArgs = [...args, ...natsFlags(argv)];
        const urls: string[] = [];
        // One after the other: the first creates the NATS buckets, the others find them.
        for (const port of ports) {
          const coordinator = await startCoordinatorProcess({ port, topology: argv.topology, logLevel, args: coordinatorArgs, env });
          children.push(coordinator.process);
          urls.push(coordinator.url);
        }
        const serverArgs = [...args, ...(backbone ? ['--backbone', 'nats', ...natsFlags(argv, natsConnectionOptions)] : [])];
        // A BROKER_NATS meant for this command would make every comm server of a WebRTC mesh refuse to start.
        const serverEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith(`${ENV_PREFIX}_NATS`) && name !== `${ENV_PREFIX}_BACKBONE`));
        const startServer = (coordinatorUrl: string[], hub = false) => startCommServerProcess({ coordinatorUrl, hub, logLevel, args: serverArgs, env: serverEnv });
        const star = argv.topology === 'star';
        if (star) children.push((await startServer(urls, true)).process);
        const servers = await Promise.all(Array.from({ length: argv.servers }, (_, index) => startServer(coordinatorUrlsFor(index, urls))));
        children.push(...servers.map((server) => server.process));
        // Each server links to the hub (star) or to every other server (mesh); a lone mesh server has
        // nothing to link to (and prints no "servers linked" line).
        const links = star ? 1 : argv.servers - 1;
        if (links > 0) await Promise.all(servers.map((server) => serversLinked(server.process, links)));
        if (argv.demo) demo = await DemoServer.start({ coordinatorUrl: urls[0]!, port: demoPortOf(argv['demo-port'], ports.at(-1)!) });
        for (const child of children) {
          void child.exited.then((code) => stopping || process.stderr.write(`broker process ${child.pid} exited (${code})\n`));
        }
        process.stdout.write(clusterSummary({ urls, nats: argv.nats, aliases: servers.map((server) => server.alias), topology: backbone ? 'NATS backbone' : argv.topology, demo }));
      } catch (error) {
        await demo?.close();
        await Promise.all(children.map((child) => child.stop(5_000, 'SIGINT')));
        // A child that exited at start has said why on stderr (a port in use: its exit code 3); so does this process.
        const exitCode = (error as { exitCode?: unknown }).exitCode;
        if (typeof exitCode === 'number') {
          throw new RuntimeFailure(`a broker process of the cluster exited at start (${exitCode})`, PASSED_ON.has(exitCode) ? exitCode : EXIT_RUNTIME);
        }
        throw error;
      }
    },
  });
}

interface ClusterSummary {
  /** The coordinators' URLs. */
  urls: string[];
  /** The NATS servers they share, none for a lone coordinator. */
  nats: string[];
  aliases: number[];
  topology: string;
  demo: DemoServer | undefined;
}

/** What `broker cluster` prints once up: where the coordinators listen, and how to connect a client. */
function clusterSummary({ urls, nats, aliases, topology, demo }: ClusterSummary): string {
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const coordinators = nats.length === 0 ? `coordinator ${urls[0]}` : `${plural(urls.length, 'coordinator')} on NATS ${nats.join(', ')}`;
  const quoted = urls.map((url) => `'${url}'`);
  return [
    `local cluster up: ${coordinators}, ${plural(aliases.length, 'comm server')} (${topology})`,
    ...(nats.length === 0 ? [] : urls.map((url, index) => `coordinator ${index + 1}: ${url}`)),
    `comm server aliases: ${aliases.join(', ')}`,
    ...(demo ? [`demo page: ${demo.url}  (open it in several tabs)`] : []),
    '',
    'Connect a client:',
    "  import { BrokerClient } from 'webrtc-broker';",
    `  const client = await BrokerClient.connect({ coordinatorUrl: ${quoted.length === 1 ? quoted[0] : `[${quoted.join(', ')}]`} });`,
    "  client.subscribe('chat'); client.on('message', ({ topic, from, body }) => show(topic, from, body));",
    "  client.publish('chat', 'hello');",
    '',
    'Ctrl-C stops the cluster.',
    '',
  ].join('\n');
}
