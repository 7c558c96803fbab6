import type { ReactNode } from 'react';
import type { KeyBinding } from '../commands/registry';
import { ariaShortcut, shortcutLabel } from '../commands/registry';

/**
 * A panel that can take the side slot beside the text (Problems, Outline,
 * Collected, and any feature's own). One is shown at a time; each has a
 * toggle in the header, a command in the palette and, optionally, a shortcut.
 */
export interface SidePanel {
  /** Stable id, remembered as the author's choice: "problems", "photos". */
  id: string;
  /** Its name in the palette and on the slot's close button: "Problems". */
  title: string;
  /** The toggle's text when it carries a count: "Problems (3)" (defaults to the title). */
  label?: string;
  keys?: KeyBinding;
  /** Marks the toggle (errors among the problems). */
  attention?: boolean;
  /** The panel itself; it names its own region (section aria-label). */
  render: () => ReactNode;
}

export const SIDE_SLOT_ID = 'side-slot';

interface SideSlotProps {
  panel: SidePanel;
  /** Floats over the text instead of taking a column (narrow windows, Focus mode). */
  floating: boolean;
  onClose: () => void;
}

export function SideSlot({ panel, floating, onClose }: SideSlotProps) {
  return (
    <div id={SIDE_SLOT_ID} className="side-slot" data-floating={floating || undefined} data-panel={panel.id}>
      <button type="button" className="icon-button side-slot-close" aria-label={`Close ${panel.title}`} title={`Close ${panel.title}`} onClick={onClose}>
        ×
      </button>
      <div className="side-slot-body">{panel.render()}</div>
    </div>
  );
}

interface SidePanelTogglesProps {
  panels: readonly SidePanel[];
  shown: string | null;
  onToggle: (id: string) => void;
}

/** The header's toggles, one per panel: pressing the shown one closes it. */
export function SidePanelToggles({ panels, shown, onToggle }: SidePanelTogglesProps) {
  return (
    <div className="side-panel-toggles" role="group" aria-label="Panels">
      {panels.map((panel) => (
        <button
          key={panel.id}
          type="button"
          className="button side-panel-toggle"
          aria-expanded={shown === panel.id}
          aria-controls={shown === panel.id ? SIDE_SLOT_ID : undefined}
          aria-keyshortcuts={ariaShortcut(panel.keys)}
          title={panel.keys ? `${panel.title} (${shortcutLabel(panel.keys)})` : panel.title}
          data-attention={panel.attention || undefined}
          onClick={() => onToggle(panel.id)}
        >
          {panel.label ?? panel.title}
        </button>
      ))}
    </div>
  );
}
