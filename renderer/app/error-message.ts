import { RecapError, isErrorInfo, type ErrorInfo } from '../../shared/errors';

/**
 * What an API failure says to the author. RecapErrors (and their plain
 * ErrorInfo shape, as some doors deliver them) keep their sentence; anything
 * else is a bug, shown as one calm line and never as a stack.
 */
export function describeError(error: unknown): ErrorInfo {
  if (error instanceof RecapError) {
    return error.line === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, line: error.line };
  }
  if (isErrorInfo(error)) return error.line === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, line: error.line };
  return { code: 'internal', message: 'Something went wrong inside Recap. Try again; if it keeps happening, report it.' };
}
