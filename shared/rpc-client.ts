/**
 * The renderer's typed client over any transport. It needs no list of method
 * names (which would drag the zod contract into the page bundle): every
 * property it is asked for becomes a call. The compiler checks the names
 * against RecapApi; the server refuses any it does not know.
 */
import type { MethodName, RecapApi } from './api';

export function createClient<Extra extends object>(call: (method: MethodName, input: unknown) => Promise<unknown>, extra: Extra): RecapApi & Extra {
  const methods = new Map<string, (input: unknown) => Promise<unknown>>();
  return new Proxy(extra, {
    get(target, name, receiver) {
      if (typeof name !== 'string' || name in target) return Reflect.get(target, name, receiver);
      // Not a promise: `await api` or a test's toEqual must not see a `then` method.
      if (name === 'then') return undefined;
      let method = methods.get(name);
      if (!method) {
        method = (input: unknown) => call(name as MethodName, input);
        methods.set(name, method);
      }
      return method;
    },
  }) as RecapApi & Extra;
}
