/** Base of the broker's typed errors: callers match on `code`, never on message text. */
export class BrokerError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

export class CodecError extends BrokerError<'DECODE_FAILED' | 'ENCODE_FAILED'> {}
