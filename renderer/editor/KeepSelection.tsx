import { Component, createRef, type ReactNode } from 'react';
import { mapOffset } from './map-offset';

interface KeepSelectionProps {
  /** The text the textarea inside should show. */
  value: string;
  /** Which document is shown; across documents nothing is kept. */
  documentKey: string;
  children: ReactNode;
}

interface Snapshot {
  before: string;
  start: number;
  end: number;
  direction: 'forward' | 'backward' | 'none';
  scrolls: Array<[Element, number]>;
}

/**
 * When the text is replaced from outside (the post reloaded after another
 * program changed it), keeps the caret, the selection and the scroll position
 * where they were instead of jumping to the end. Typing is left alone.
 *
 * A class component because only getSnapshotBeforeUpdate can read the
 * selection after React decided to update and before the DOM changes.
 */
export class KeepSelection extends Component<KeepSelectionProps> {
  private readonly container = createRef<HTMLDivElement>();

  private textarea(): HTMLTextAreaElement | null {
    return this.container.current?.querySelector('textarea') ?? null;
  }

  override getSnapshotBeforeUpdate(previous: KeepSelectionProps): Snapshot | null {
    if (previous.documentKey !== this.props.documentKey || previous.value === this.props.value) return null;
    const textarea = this.textarea();
    // Already showing the new text: it came from typing.
    if (!textarea || textarea.value === this.props.value) return null;
    const scrolls: Array<[Element, number]> = [];
    for (let node: Element | null = textarea; node && node !== this.container.current; node = node.parentElement) {
      if (node.scrollTop > 0) scrolls.push([node, node.scrollTop]);
    }
    return {
      before: textarea.value,
      start: textarea.selectionStart,
      end: textarea.selectionEnd,
      direction: textarea.selectionDirection ?? 'none',
      scrolls,
    };
  }

  override componentDidUpdate(_previous: KeepSelectionProps, _state: unknown, snapshot: Snapshot | null): void {
    if (!snapshot) return;
    const restore = () => {
      const textarea = this.textarea();
      if (!textarea || textarea.value !== this.props.value) return;
      const after = textarea.value;
      textarea.setSelectionRange(mapOffset(snapshot.before, after, snapshot.start), mapOffset(snapshot.before, after, snapshot.end), snapshot.direction);
      for (const [node, top] of snapshot.scrolls) node.scrollTop = top;
    };
    const textarea = this.textarea();
    // The editor may pass its new value down one render later.
    if (textarea && textarea.value === this.props.value) restore();
    else requestAnimationFrame(restore);
  }

  override render() {
    return (
      <div ref={this.container} className="keep-selection">
        {this.props.children}
      </div>
    );
  }
}
