import { useCallback, useSyncExternalStore } from 'react';
import type { Connection, ConnectionState } from '../api';

/** The browser-mode socket's state; Electron has no connection to lose, so it is always open. */
export function useConnectionState(connection: Connection | null): ConnectionState {
  const subscribe = useCallback(
    (listener: () => void) => (connection ? connection.subscribe(listener) : () => {}),
    [connection],
  );
  return useSyncExternalStore(
    subscribe,
    () => connection?.current() ?? 'open',
    () => 'open',
  );
}
