// Decode uint64 fields as plain numbers instead of Long objects. Aliases stay
// below 2^53 (see docs/PROTOCOL.md), so a number is exact. This module must be
// imported before the generated code so that its prototype defaults are numbers.
import protobuf from 'protobufjs/minimal.js';

protobuf.util.Long = null as unknown as typeof protobuf.util.Long;
protobuf.configure();
