import { useCommandList, shortcutLabel, type CommandRegistry } from './registry';
import { fuzzyFilter } from './fuzzy';
import { Picker } from './Picker';

/** Dialog "Commands": every registered action by name, with its shortcut; Enter runs it. */
export function CommandPalette({ registry, onClose }: { registry: CommandRegistry; onClose: () => void }) {
  const commands = useCommandList(registry);
  return (
    <Picker
      title="Commands"
      placeholder="Type a command"
      search={(query) =>
        fuzzyFilter(commands, query, (command) => [command.title]).map((command) => ({
          id: command.id,
          label: command.title,
          detail: shortcutLabel(command.keys),
          disabled: command.enabled === false,
        }))
      }
      // After the dialog has closed, so a command that opens a dialog or moves focus gets to.
      onChoose={(id) => requestAnimationFrame(() => registry.run(id))}
      onClose={onClose}
      empty="No command matches."
    />
  );
}
