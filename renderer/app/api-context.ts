import { createContext, useContext } from 'react';
import type { RecapBridge } from '../../shared/bridge';

/** The API reaches features through context so tests can hand App a fake. */
export const ApiContext = createContext<RecapBridge | null>(null);

export function useApi(): RecapBridge {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiContext value={api}>.');
  return api;
}
