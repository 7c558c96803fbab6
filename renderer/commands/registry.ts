/**
 * Every action of the app by name, for the command palette and the keyboard.
 * Features register their commands while they are mounted (useCommands) and
 * the registry is the one place that listens for their shortcuts.
 */
import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';

/** A key combination; `mod` is Ctrl, or Cmd on a Mac. */
export interface KeyBinding {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export interface Command {
  /** Stable id, e.g. "save", "focus-mode", "archive-tweets". */
  id: string;
  /** The name the palette shows and searches, e.g. "Focus mode". */
  title: string;
  /** Run by the registry whenever it is pressed (even inside the editor). */
  keys?: KeyBinding;
  /** False greys it out in the palette and ignores its keys. */
  enabled?: boolean;
  run: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl+Shift+P" (or "⌘⇧P" on a Mac), for the palette and tooltips. */
export function shortcutLabel(keys: KeyBinding | undefined): string {
  if (!keys) return '';
  const key = keys.key.length === 1 ? keys.key.toUpperCase() : keys.key;
  if (isMac) return `${keys.mod ? '⌘' : ''}${keys.alt ? '⌥' : ''}${keys.shift ? '⇧' : ''}${key}`;
  return [keys.mod && 'Ctrl', keys.alt && 'Alt', keys.shift && 'Shift', key].filter(Boolean).join('+');
}

/** For aria-keyshortcuts: "Control+Shift+P Meta+Shift+P". */
export function ariaShortcut(keys: KeyBinding | undefined): string | undefined {
  if (!keys) return undefined;
  const rest = [keys.alt && 'Alt', keys.shift && 'Shift', keys.key.length === 1 ? keys.key.toUpperCase() : keys.key].filter(Boolean).join('+');
  return keys.mod ? `Control+${rest} Meta+${rest}` : rest;
}

export function matches(keys: KeyBinding, event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  const mod = event.ctrlKey || event.metaKey;
  return event.key.toLowerCase() === keys.key.toLowerCase() && mod === (keys.mod ?? false) && event.shiftKey === (keys.shift ?? false) && event.altKey === (keys.alt ?? false);
}

export class CommandRegistry {
  private readonly entries = new Map<string, Command>();
  private snapshot: readonly Command[] = [];
  private readonly listeners = new Set<() => void>();

  /** Adds (or replaces, by id) commands; returns the way to take them out again. */
  register(commands: readonly Command[]): () => void {
    for (const command of commands) this.entries.set(command.id, command);
    this.changed();
    return () => {
      for (const command of commands) if (this.entries.get(command.id) === command) this.entries.delete(command.id);
      this.changed();
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** In the order they were first registered. */
  readonly list = (): readonly Command[] => this.snapshot;

  run(id: string): boolean {
    const command = this.entries.get(id);
    if (!command || command.enabled === false) return false;
    command.run();
    return true;
  }

  /** The keydown handler (capture phase, so the editor cannot swallow a shortcut). True when a command took the key. */
  handleKey(event: KeyboardEvent): boolean {
    if (!(event.ctrlKey || event.metaKey || event.altKey || event.key.startsWith('F'))) return false;
    for (const command of this.entries.values()) {
      if (!command.keys || command.enabled === false || !matches(command.keys, event)) continue;
      event.preventDefault();
      event.stopPropagation();
      command.run();
      return true;
    }
    return false;
  }

  private changed(): void {
    this.snapshot = [...this.entries.values()];
    for (const listener of this.listeners) listener();
  }
}

export const CommandsContext = createContext<CommandRegistry | null>(null);

export function useCommandRegistry(): CommandRegistry {
  const registry = useContext(CommandsContext);
  if (!registry) throw new Error('useCommands needs a CommandsContext above it.');
  return registry;
}

export function useCommandList(registry: CommandRegistry): readonly Command[] {
  return useSyncExternalStore(registry.subscribe, registry.list);
}

/**
 * Registers commands while the calling component is mounted. `run` always
 * calls the latest closure, so callers may pass fresh functions every render;
 * the palette re-renders only when an id, title, shortcut or enabled state changes.
 */
export function useCommands(commands: readonly Command[]): void {
  const registry = useContext(CommandsContext);
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  });
  const shape = commands.map((c) => `${c.id}\u0000${c.title}\u0000${shortcutLabel(c.keys)}\u0000${c.enabled !== false}`).join('\u0001');
  useEffect(() => {
    if (!registry) return;
    const stable = latest.current.map((command, index) => ({
      ...command,
      run: () => (latest.current[index] ?? command).run(),
    }));
    return registry.register(stable);
    // `shape` stands for the commands' visible parts; their `run` is read through `latest`.
  }, [registry, shape]);
}
