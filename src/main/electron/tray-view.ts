// What the tray shows for a status: which icon, and the tooltip and first menu line in
// the same words as the Status screen (core/app/status-words). No Electron here, so it
// is tested in plain Node.
import type { Status } from '../../shared/api';
import { trayTooltipText } from '../core/app/status-words';

export type TrayIconState = 'in_sync' | 'needs_approval' | 'failing' | 'paused' | 'syncing';
export const TRAY_ICON_STATES: TrayIconState[] = ['in_sync', 'needs_approval', 'failing', 'paused', 'syncing'];

/** Not connected and not synced yet have no icon of their own: they are idle (paused-looking), never green. */
export function trayIconState(state: Status['state']): TrayIconState {
  return state === 'not_connected' || state === 'not_synced' ? 'paused' : state;
}

export function trayIconFile(state: TrayIconState, dark: boolean): string {
  return `tray-${state}-${dark ? 'dark' : 'light'}.png`;
}

export function trayTooltip(status: Status): string {
  return trayTooltipText(status);
}

/** The menu's first, disabled line: the Status screen's headline. */
export function trayHeadline(status: Status | null): string {
  return status ? status.headline : 'Starting…';
}
