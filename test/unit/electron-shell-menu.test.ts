/** The application menu, as the template menu.ts installs. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuActions } from '../../electron/shell/menu-template';

function actions(): MenuActions {
  return { command: vi.fn(), openFolder: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), about: vi.fn(), shortcuts: vi.fn() };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const items = item?.submenu;
  if (!Array.isArray(items)) throw new Error(`${item?.label ?? 'item'} has no submenu`);
  return items;
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items.find((entry) => entry.label?.replace('&', '') === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('application menu', () => {
  it('lists recent folders newest first and opens the one chosen', () => {
    const a = actions();
    const file = submenu(find(menuTemplate({ isMac: false, isPackaged: true, recent: ['/b', '/a'], actions: a }), 'File'));
    const recent = submenu(find(file, 'Open Recent'));
    expect(recent.map((item) => item.label)).toEqual(['/b', '/a', undefined, 'Clear Menu']);
    click(recent[1]!);
    expect(a.openRecent).toHaveBeenCalledWith('/a');
  });

  it('shows a disabled placeholder when there are no recent folders', () => {
    const file = submenu(find(menuTemplate({ isMac: false, isPackaged: true, recent: [], actions: actions() }), 'File'));
    expect(submenu(find(file, 'Open Recent'))).toEqual([{ label: 'No Recent Folders', enabled: false }]);
  });

  it('sends page commands as menu events with the usual shortcuts', () => {
    const a = actions();
    const menu = menuTemplate({ isMac: false, isPackaged: true, recent: [], actions: a });
    const file = submenu(find(menu, 'File'));
    expect(find(file, 'Open Folder…').accelerator).toBe('CmdOrCtrl+O');
    const save = find(file, 'Save');
    expect(save.accelerator).toBe('CmdOrCtrl+S');
    // The page owns Ctrl/Cmd+S; a registered accelerator would save twice.
    expect(save.registerAccelerator).toBe(false);
    click(save);
    click(find(file, 'New Post…'));
    click(find(submenu(find(menu, 'View')), 'Toggle Preview'));
    expect(vi.mocked(a.command).mock.calls.map(([command]) => command)).toEqual(['save', 'new-post', 'toggle-preview']);
  });

  it('offers developer tools only in development builds', () => {
    const roles = (isPackaged: boolean) =>
      submenu(find(menuTemplate({ isMac: false, isPackaged, recent: [], actions: actions() }), 'View')).map((item) => item.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('puts the app menu first on macOS and About in Help elsewhere', () => {
    const mac = menuTemplate({ isMac: true, isPackaged: true, recent: [], actions: actions() });
    expect(mac[0]?.label).toBe('Recap');
    expect(submenu(mac[0]).some((item) => item.role === 'quit')).toBe(true);
    const linux = menuTemplate({ isMac: false, isPackaged: true, recent: [], actions: actions() });
    expect(linux.map((item) => item.label?.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(submenu(find(linux, 'Help')).some((item) => item.label === 'About Recap')).toBe(true);
  });
});
