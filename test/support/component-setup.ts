import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // Panels remember their state in local storage; each test starts from the defaults.
  window.localStorage.clear();
});
