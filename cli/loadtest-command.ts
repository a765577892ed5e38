import type { Argv, Options } from 'yargs';
import { EXIT_THRESHOLDS_MISSED, RuntimeFailure, addCommand, nonNegativeNumber } from './options.js';
import { DEFAULT_PROGRESS_INTERVAL_SECONDS } from '../loadtest/progress.js';
import { SCENARIOS, scenarioDescriptions, type ScenarioName } from '../loadtest/scenarios.js';
import { THRESHOLDS, describeOutcome } from '../loadtest/thresholds.js';

/** The options past the common ones: how the harness runs its clients and servers. */
const MORE = 'More options:';

const thresholdOptions = Object.fromEntries(THRESHOLDS.map((spec) => [spec.flag, {
  group: `Thresholds (a run that misses one exits with code ${EXIT_THRESHOLDS_MISSED}):`,
  type: 'number',
  description: spec.description,
  coerce: nonNegativeNumber(spec.flag, spec.maxLimit),
} satisfies Options]));

export function loadtestCommand(yargs: Argv) {
  return addCommand(yargs, {
    name: 'loadtest <scenario>',
    summary: 'Load-test a cluster (a local one it starts, or --coordinator-url) and report delivery, loss, latency and CPU',
    examples: [
      ['$0 loadtest dense --clients 50 --duration 10', '50 clients, one topic'],
      ['$0 loadtest fanout --json out.json', 'results as JSON too'],
    ],
    main: ['clients', 'servers', 'rate', 'size', 'channel', 'duration', 'coordinator-url', 'json', 'html'],
    options: (y) => y
      .positional('scenario', {
        choices: SCENARIOS,
        demandOption: true,
        description: SCENARIOS.map((name) => `${name}: ${scenarioDescriptions[name]}`).join('; '),
      })
      .options({
        clients: { type: 'number', description: 'Clients (fanout: subscribers, plus one publisher); default per scenario' },
        servers: { type: 'number', description: 'Local comm servers to start; default per scenario (mesh and presence 3, others 1)' },
        rate: { type: 'number', description: 'Messages per second per publisher' },
        size: { type: 'number', description: 'Message body bytes (at least 9: kind, sequence, send time)' },
        channel: { choices: ['reliable', 'unreliable'] as const, description: 'Data channel the messages use' },
        duration: { type: 'number', description: 'Seconds of measured publishing (presence: the longest wait for complete member lists, default 30)' },
        warmup: { group: MORE, type: 'number', description: 'Seconds of the same traffic before the measured window, not counted (default 2; storm 0)' },
        workers: { group: MORE, type: 'number', description: 'Client worker processes (default: min(4, cores - local servers), at least 1)' },
        rtc: { group: MORE, choices: ['werift', 'wrtc'] as const, default: 'werift' as const, description: "The clients' RTC: werift or libwebrtc (@roamhq/wrtc)" },
        transport: {
          group: MORE, choices: ['webrtc', 'ws', 'auto'] as const, default: 'webrtc' as const,
          description: "How clients reach their comm server: WebRTC, the comm servers' WebSocket endpoint (the baseline to compare with), "
            + "or the client's default, auto (WebRTC, WebSocket if WebRTC is not up in time; the result counts who fell back)",
        },
        'room-size': { group: MORE, type: 'number', default: 10, description: 'rooms and idle: clients per room (a topic each), filled in connection order' },
        batch: {
          group: MORE, type: 'boolean', default: true,
          description: 'Clients announce the batch extension, so the comm server coalesces what it sends them; --no-batch measures the per-message path, as the Go original\'s clients (which know no BATCH) get it',
        },
        'webrtc-timeout': { group: MORE, type: 'number', description: "With --transport auto: the clients' webrtcTimeoutMs (default the client's, 5000)" },
        'heartbeat-interval': { group: MORE, type: 'number', description: "The clients' heartbeatIntervalMs; 0 turns their heartbeat off (default the client's, 1000)" },
        'coordinator-url': {
          type: 'string', array: true,
          description: 'Load an existing cluster instead of starting one; repeatable (its coordinators): client i connects through the i-th mod their number',
        },
        'server-pid': { group: MORE, type: 'number', array: true, description: 'With --coordinator-url: comm server pids on this host, to sample CPU and RSS' },
        'server-arg': {
          group: MORE, type: 'string', array: true, default: [] as string[],
          description: 'A flag for the local comm servers, repeatable: --server-arg=--send-window-bytes=65536',
        },
        'server-cpu-prof': { group: MORE, type: 'string', description: 'Directory for V8 CPU profiles of the local comm servers (node --cpu-prof)' },
        'progress-interval': {
          group: MORE, type: 'number', default: DEFAULT_PROGRESS_INTERVAL_SECONDS, coerce: nonNegativeNumber('progress-interval'),
          description: 'When stderr is not a terminal (CI, nohup, a pipe): seconds between progress lines; 0 prints none',
        },
        json: { type: 'string', description: 'Write the result as JSON to this file' },
        html: { type: 'string', description: 'Write a self-contained HTML report to this file' },
        ...thresholdOptions,
      }),
    run: async (argv) => {
      const { runFromCommandLine } = await import('../loadtest/command-line.js');
      const { exitCode, thresholds } = await runFromCommandLine({
        scenario: argv.scenario as ScenarioName,
        clients: argv.clients,
        servers: argv.servers,
        rate: argv.rate,
        size: argv.size,
        channel: argv.channel,
        durationSeconds: argv.duration,
        warmupSeconds: argv.warmup,
        workers: argv.workers,
        rtc: argv.rtc,
        transport: argv.transport,
        webrtcTimeoutMs: argv['webrtc-timeout'],
        heartbeatIntervalMs: argv['heartbeat-interval'],
        batch: argv.batch,
        roomSize: argv['room-size'],
        coordinatorUrls: argv['coordinator-url'],
        serverPids: argv['server-pid'],
        serverArgs: argv['server-arg'],
        serverCpuProfileDir: argv['server-cpu-prof'],
        jsonFile: argv.json,
        htmlFile: argv.html,
        progressIntervalSeconds: argv['progress-interval'],
        thresholds: new Map(THRESHOLDS.flatMap((spec) => (typeof argv[spec.flag] === 'number' ? [[spec.flag, argv[spec.flag] as number]] : []))),
      });
      const missed = thresholds.filter((outcome) => !outcome.met);
      if (missed.length > 0) {
        throw new RuntimeFailure(`${missed.length} of ${thresholds.length} thresholds missed: ${missed.map(describeOutcome).join('; ')}`, EXIT_THRESHOLDS_MISSED);
      }
      process.exitCode = exitCode;
    },
  });
}
