import { useEffect, useState } from 'react';

type Setter<T> = (next: T | ((current: T) => T)) => void;

/** A choice kept across posts and sessions in this window's local storage (a panel shown, the side panel chosen). */
export function useRememberedValue<T extends string | boolean | null>(key: string, initial: T, allowed: readonly T[]): [T, Setter<T>] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = window.localStorage.getItem(key);
      const parsed = stored === null ? initial : (JSON.parse(stored) as T);
      return allowed.includes(parsed) ? parsed : initial;
    } catch {
      return initial; // storage may be unavailable (privacy settings) or hold an old format: the default is fine
    }
  });
  useEffect(() => {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* not remembered, still works */
    }
  }, [key, value]);
  return [value, setValue];
}

const BOOLEANS = [true, false] as const;

/** A panel's shown/hidden state, remembered like useRememberedValue. */
export function useRememberedToggle(key: string, initial: boolean): [boolean, Setter<boolean>] {
  return useRememberedValue<boolean>(key, initial, BOOLEANS);
}
