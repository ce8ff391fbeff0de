// What the tray shows for a status: which icon, and the tooltip with the last good
// sync in the business time zone. No Electron here, so it is tested in plain Node.
import { DateTime } from 'luxon';
import type { Status } from '../../shared/api';
import { STATE_LABEL } from '../../shared/labels';

export type TrayIconState = 'in_sync' | 'needs_approval' | 'failing' | 'paused' | 'syncing';
export const TRAY_ICON_STATES: TrayIconState[] = ['in_sync', 'needs_approval', 'failing', 'paused', 'syncing'];

/** Not connected has no icon of its own: it is an idle (paused-looking) state. */
export function trayIconState(state: Status['state']): TrayIconState {
  return state === 'not_connected' ? 'paused' : state;
}

export function trayIconFile(state: TrayIconState, dark: boolean): string {
  return `tray-${state}-${dark ? 'dark' : 'light'}.png`;
}

export function trayTooltip(status: Status): string {
  const last = status.lastGoodSyncAt
    ? DateTime.fromISO(status.lastGoodSyncAt, { zone: 'utc' })
        .setZone(status.businessTimeZone)
        .setLocale('en-AU')
        .toFormat('d LLL, h:mm a ZZZZ')
    : 'never';
  return `sm8sync: ${STATE_LABEL[status.state]}\nLast good sync: ${last}`;
}
