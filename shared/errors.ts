/**
 * One error type for everything a user can meet. `code` is stable (tests,
 * HTTP status, CLI exit code key off it); `message` is a sentence for the
 * user that says what to do. Each door translates it exactly once.
 */
export const errorCodes = [
  'bad-request',
  'no-site',
  'not-found',
  'outside-folder',
  'not-a-folder',
  'binary-file',
  /** A file that is not a post of the site (configuration, not Markdown, outside the post folders). */
  'not-a-post',
  'not-utf8',
  'too-large',
  'unsupported-front-matter',
  'invalid-front-matter',
  'conflict',
  'refused',
  'io',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class RecapError extends Error {
  override readonly name = 'RecapError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** 1-based line of the problem inside the file, when there is one. */
    readonly line?: number,
  ) {
    super(message);
  }
}

/** The plain shape an error takes when it crosses a process boundary. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  line?: number;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof RecapError) {
    return error.line === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, line: error.line };
  }
  // Anything else is a bug or an unexpected system error: never leak a stack.
  return { code: 'internal', message: 'Something went wrong inside Recap. Try again; if it keeps happening, report it.' };
}

export function fromErrorInfo(info: ErrorInfo): RecapError {
  return new RecapError(info.code, info.message, info.line);
}

export function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorInfo).code === 'string' &&
    (errorCodes as readonly string[]).includes((value as ErrorInfo).code) &&
    typeof (value as ErrorInfo).message === 'string'
  );
}
