/** Installs the application menu; call again whenever the recent folders change. */
import { Menu } from 'electron';
import { menuTemplate, type MenuOptions } from './menu-template';

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
