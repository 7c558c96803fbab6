/**
 * Browser APIs jsdom lacks but every Chromium the app runs in has. Only the
 * shape is provided: jsdom does no layout, so nothing would ever resize.
 */
if (typeof window.ResizeObserver === 'undefined') {
  class ResizeObserverStub implements ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  window.ResizeObserver = ResizeObserverStub;
  globalThis.ResizeObserver = ResizeObserverStub;
}

/*
 * jsdom lays nothing out, so every element sits at (0, 0) with no size, and
 * so does every pointer event: react-resizable-panels then takes each click
 * for a grab of the split separator and steals focus. Put separators where no
 * test clicks; real browsers are unaffected.
 */
const realRect = Element.prototype.getBoundingClientRect;
Element.prototype.getBoundingClientRect = function getBoundingClientRect(this: Element): DOMRect {
  if (this.getAttribute('role') === 'separator') return new DOMRect(-10_000, -10_000, 1, 1);
  return realRect.call(this);
};
