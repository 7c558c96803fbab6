import { useRef, type KeyboardEvent } from 'react';

export type PreviewTab = 'page' | 'text' | 'share';

const TABS: { id: PreviewTab; label: string }[] = [
  { id: 'page', label: 'Page' },
  { id: 'text', label: 'Text' },
  { id: 'share', label: 'Share card' },
];

export function previewPanelId(tab: PreviewTab): string {
  return `preview-panel-${tab}`;
}

/** Tablist "Preview as": Page (the site's own layouts), Text (the sanitised body), Share card. Arrow keys move between tabs. */
export function PreviewTabs({ selected, onSelect }: { selected: PreviewTab; onSelect: (tab: PreviewTab) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((tab) => tab.id === selected);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target = event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : step !== 0 ? (index + step + TABS.length) % TABS.length : -1;
    if (target < 0) return;
    event.preventDefault();
    onSelect(TABS[target]!.id);
    refs.current[target]?.focus();
  };
  return (
    <div role="tablist" aria-label="Preview as" className="preview-tabs" onKeyDown={onKeyDown}>
      {TABS.map((tab, i) => (
        <button
          key={tab.id}
          ref={(element) => {
            refs.current[i] = element;
          }}
          type="button"
          role="tab"
          id={`preview-tab-${tab.id}`}
          aria-selected={selected === tab.id}
          aria-controls={previewPanelId(tab.id)}
          tabIndex={selected === tab.id ? 0 : -1}
          className="preview-tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
