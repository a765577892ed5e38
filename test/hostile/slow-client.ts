// A client in its own process, for the slow-consumer test: connects with our
// client library, subscribes to the topics given, prints `ready <alias>`, and
// counts what it receives. The test SIGSTOPs it so that it stops reading.
// On a message whose body is `report` it prints `received <count>` (messages
// before that one). Usage: node slow-client.js <coordinatorUrl> <topic,topic>
import { RTCPeerConnection } from '#werift';
import { BrokerClient } from '../../client/index.js';
import type { PeerConnectionLike } from '../../shared/rtc.js';

const [coordinatorUrl, topics] = process.argv.slice(2);
if (!coordinatorUrl || !topics) {
  process.stderr.write('usage: slow-client <coordinatorUrl> <topic,topic>\n');
  process.exit(2);
}

const client = await BrokerClient.connect({
  coordinatorUrl,
  rtc: (config) => new RTCPeerConnection({
    iceServers: config.iceServers, iceUseIpv6: false,
    iceInterfaceAddresses: { udp4: '127.0.0.1' }, iceAdditionalHostAddresses: ['127.0.0.1'],
  }) as unknown as PeerConnectionLike,
  transport: 'webrtc',
  reconnect: { enabled: false },
  // Liveness off: after SIGCONT the test reads what arrived, not a reconnection.
  heartbeatIntervalMs: 0,
});
let received = 0;
client.on('message', (message) => {
  if (new TextDecoder().decode(message.body) === 'report') process.stdout.write(`received ${received}\n`);
  else received++;
});
client.on('close', (error) => {
  process.stdout.write(`closed ${error.code}\n`);
  process.exit(0);
});
client.subscribe(topics.split(','));
await client.ping();
process.stdout.write(`ready ${client.alias}\n`);
