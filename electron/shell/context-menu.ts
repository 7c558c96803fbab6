/**
 * The right-click menu Chromium does not provide in Electron: spelling
 * suggestions for the editor, and the clipboard actions that apply here.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export function attachContextMenu(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('context-menu', (_event, params) => {
    const items: MenuItemConstructorOptions[] = [];
    if (params.misspelledWord) {
      for (const suggestion of params.dictionarySuggestions.slice(0, 5)) {
        items.push({ label: suggestion, click: () => contents.replaceMisspelling(suggestion) });
      }
      if (params.dictionarySuggestions.length === 0) items.push({ label: 'No Suggestions', enabled: false });
      items.push(
        {
          label: 'Add to Dictionary',
          click: () => contents.session.addWordToSpellCheckerDictionary(params.misspelledWord),
        },
        { type: 'separator' },
      );
    }
    const flags = params.editFlags;
    if (params.isEditable) {
      items.push({ role: 'cut', enabled: flags.canCut }, { role: 'copy', enabled: flags.canCopy }, { role: 'paste', enabled: flags.canPaste });
      items.push({ type: 'separator' }, { role: 'selectAll', enabled: flags.canSelectAll });
    } else if (params.selectionText.trim() !== '') {
      items.push({ role: 'copy', enabled: flags.canCopy });
    }
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window });
  });
}
