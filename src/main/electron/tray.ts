// The tray icon and its menu. Icons per state for light and dark menu bars (generated
// by scripts/make-icons.mjs; Electron picks the @2x file on high-density screens).
import { Menu, nativeImage, nativeTheme, Tray } from 'electron';
import path from 'node:path';
import type { Status } from '../../shared/api';
import { trayHeadline, trayIconFile, trayIconState, trayTooltip } from './tray-view';

export interface TrayActions {
  syncNow: () => void;
  togglePause: () => void;
  open: () => void;
  quit: () => void;
}

export interface AppTray {
  update(status: Status): void;
  destroy(): void;
}

export function createAppTray(iconDir: string, actions: TrayActions): AppTray {
  let last: Status | null = null;
  const image = (status: Status | null) =>
    nativeImage.createFromPath(path.join(iconDir, trayIconFile(trayIconState(status?.state ?? 'paused'), nativeTheme.shouldUseDarkColors)));
  const tray = new Tray(image(null));
  tray.setToolTip('sm8sync');
  tray.on('click', actions.open);

  function render(): void {
    const state = last?.state ?? null;
    tray.setImage(image(last));
    if (last) tray.setToolTip(trayTooltip(last));
    const paused = last?.paused ?? false;
    const usable = state !== null && state !== 'not_connected';
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: trayHeadline(last), enabled: false },
        { type: 'separator' },
        { label: state === 'syncing' ? 'Syncing…' : 'Sync now', enabled: usable && state !== 'syncing', click: actions.syncNow },
        { label: paused ? 'Resume sync' : 'Pause sync', enabled: usable, click: actions.togglePause },
        { type: 'separator' },
        { label: 'Open sm8sync', click: actions.open },
        { type: 'separator' },
        { label: 'Quit', click: actions.quit },
      ]),
    );
  }

  const onTheme = () => render();
  nativeTheme.on('updated', onTheme);
  render();
  return {
    update(status) {
      last = status;
      render();
    },
    destroy() {
      nativeTheme.off('updated', onTheme);
      tray.destroy();
    },
  };
}
