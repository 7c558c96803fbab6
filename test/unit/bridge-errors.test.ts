import { describe, expect, it } from 'vitest';
import type { RecapBridge } from '../../shared/bridge';
import { RecapError } from '../../shared/errors';
import { withRecapErrors } from '../../renderer/api';

/** A stand-in for the Electron preload's bridge: it rejects with plain objects, as contextBridge lets it. */
function electronLike(rejection: unknown): RecapBridge {
  return new Proxy({} as RecapBridge, {
    get: (_target, key) => (key === 'on' ? () => () => undefined : () => Promise.reject(rejection)),
  });
}

describe('both doors reject with RecapError', () => {
  it('turns the preload’s plain ErrorInfo into a RecapError with its code and message', async () => {
    const api = withRecapErrors(electronLike({ code: 'refused', message: 'Preview settings cannot be stored here.' }));
    const failure: unknown = await api.setPreviewSettings({ externalContent: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RecapError);
    expect((failure as RecapError).code).toBe('refused');
    expect(String((failure as Error).message)).toBe('Preview settings cannot be stored here.');
    expect(`${(failure as Error).message}`).not.toContain('[object Object]');
  });

  it('never lets an unreadable rejection through as "[object Object]"', async () => {
    const api = withRecapErrors(electronLike({ weird: true }));
    const failure = (await api.getSession({}).catch((error: unknown) => error)) as RecapError;
    expect(failure).toBeInstanceOf(RecapError);
    expect(failure.message).not.toContain('[object Object]');
  });

  it('passes answers and the event subscription through unchanged', async () => {
    const bridge = { getSession: () => Promise.resolve({ mode: 'electron' }), on: () => () => 'off' } as unknown as RecapBridge;
    const api = withRecapErrors(bridge);
    expect(await api.getSession({})).toEqual({ mode: 'electron' });
    expect(api.on('menu', () => undefined)()).toBe('off');
  });
});
