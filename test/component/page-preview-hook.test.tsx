/**
 * The Page view asks the main process for a page only once typing pauses,
 * one render at a time, and drops a page that comes back after the author
 * typed on (it is already behind): the page shown is the latest text's.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RecapBridge } from '../../shared/bridge';
import type { PagePreview } from '../../shared/page/page-preview';
import { PAGE_DEBOUNCE_MIN_MS, PAGE_DEBOUNCE_MS, quietTime, usePagePreview } from '../../renderer/preview/use-page-preview';

const page = (pageId: string): PagePreview => ({ status: 'page', pageId, layoutsRendered: true, note: null, anchors: [], patch: null, ms: 1 });

/** A renderPage whose answers the test releases one by one. */
function heldApi() {
  const calls: { text: string; answer: (preview: PagePreview) => void }[] = [];
  const api = {
    renderPage: (input: { path: string; text: string }) => new Promise<PagePreview>((resolve) => calls.push({ text: input.text, answer: resolve })),
  } as unknown as RecapBridge;
  return { api, calls };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('usePagePreview', () => {
  it('waits for a pause as long as twice the typist’s gap between keys, within 90–150 ms', () => {
    expect(quietTime([0])).toBe(PAGE_DEBOUNCE_MS);
    expect(quietTime([0, 100, 200, 300, 400])).toBe(PAGE_DEBOUNCE_MS); // steady typing never renders between its keys
    expect(quietTime([0, 30, 60, 90, 120])).toBe(PAGE_DEBOUNCE_MIN_MS);
    expect(quietTime([0, 60, 120, 180])).toBe(120);
  });

  it('asks for a post’s first page at once; then renders nothing while keys come faster than the pause, then one render with the latest text', async () => {
    const { api, calls } = heldApi();
    const { rerender } = renderHook(({ text }) => usePagePreview(api, '_posts/a.md', text, false), { initialProps: { text: 'a' } });
    await act(() => pause(10));
    expect(calls.map((call) => call.text)).toEqual(['a']);
    await act(async () => calls[0]!.answer(page('0000000000000001')));
    calls.length = 0;
    for (const text of ['ab', 'abc', 'abcd']) {
      await act(() => pause(40));
      rerender({ text });
    }
    expect(calls).toHaveLength(0);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.text).toBe('abcd');
  });

  it('keeps one render in flight and drops a page that is behind the text', async () => {
    const { api, calls } = heldApi();
    const { result, rerender } = renderHook(({ text }) => usePagePreview(api, '_posts/a.md', text, false), { initialProps: { text: 'one' } });
    await waitFor(() => expect(calls).toHaveLength(1));
    await act(async () => calls[0]!.answer(page('0000000000000001')));
    expect(result.current.preview).toEqual(page('0000000000000001'));

    rerender({ text: 'two' });
    await waitFor(() => expect(calls).toHaveLength(2));
    rerender({ text: 'three' }); // typed on while "two" renders
    await act(() => pause(PAGE_DEBOUNCE_MS + 50));
    expect(calls).toHaveLength(2); // never two at once
    await act(async () => calls[1]!.answer(page('0000000000000002')));
    expect(result.current.preview?.status === 'page' && result.current.preview.pageId).toBe('0000000000000001'); // "two" is behind: dropped
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[2]!.text).toBe('three');
    await act(async () => calls[2]!.answer(page('0000000000000003')));
    expect(result.current.preview?.status === 'page' && result.current.preview.pageId).toBe('0000000000000003');
  });
});
