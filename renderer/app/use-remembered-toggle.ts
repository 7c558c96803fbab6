import { useEffect, useState } from 'react';

/** A panel's shown/hidden state, kept across posts and sessions in this window's local storage. */
export function useRememberedToggle(key: string, initial: boolean): [boolean, (next: boolean | ((shown: boolean) => boolean)) => void] {
  const [shown, setShown] = useState(() => {
    try {
      const stored = window.localStorage.getItem(key);
      return stored === null ? initial : stored === 'true';
    } catch {
      return initial; // storage may be unavailable (privacy settings): the default is fine
    }
  });
  useEffect(() => {
    try {
      window.localStorage.setItem(key, String(shown));
    } catch {
      /* not remembered, still works */
    }
  }, [key, shown]);
  return [shown, setShown];
}
