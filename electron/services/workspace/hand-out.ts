/**
 * Something made for the window ahead of its asking (the first list, a big
 * site's first screen), and the work that waits until the window has taken
 * it: that work starts once the answer carrying it has been written, or
 * after a while when no window asks.
 */
export interface HandOut {
  /** The window took it (called as its answer is being made). */
  take(): void;
  /** Resolves after the answer carrying it has been written to the socket, or `ms` from now if it is never taken. */
  taken(ms: number): Promise<void>;
}

export function handOut(): HandOut {
  let take: () => void = () => undefined;
  const took = new Promise<void>((resolve) => (take = resolve));
  return {
    take: () => take(),
    async taken(ms) {
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
      await Promise.race([took, waited]);
      clearTimeout(timer);
      // The answer is sent from a promise continuation: one turn of the event loop later it is on the socket.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
