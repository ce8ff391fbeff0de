// What the tray shows for a status: which icon, and the tooltip with the last good
// sync in the business time zone. No Electron here, so it is tested in plain Node.
import { DateTime } from 'luxon';
import type { Status } from '../../shared/api';

export type TrayIconState = 'in_sync' | 'needs_approval' | 'failing' | 'paused' | 'syncing';
export const TRAY_ICON_STATES: TrayIconState[] = ['in_sync', 'needs_approval', 'failing', 'paused', 'syncing'];

const STATE_WORDS: Record<Status['state'], string> = {
  not_connected: 'Not connected',
  in_sync: 'In sync',
  syncing: 'Syncing…',
  needs_approval: 'Needs your approval',
  failing: 'Sync failing',
  paused: 'Paused',
};

/** Not connected has no icon of its own: it is an idle (paused-looking) state. */
export function trayIconState(state: Status['state']): TrayIconState {
  return state === 'not_connected' ? 'paused' : state;
}

export function trayIconFile(state: TrayIconState, dark: boolean): string {
  return `tray-${state}-${dark ? 'dark' : 'light'}.png`;
}

export function trayTooltip(status: Status): string {
  const last = status.lastGoodSyncAt
    ? DateTime.fromISO(status.lastGoodSyncAt, { zone: 'utc' }).setZone(status.businessTimeZone).setLocale('en-AU').toFormat('d LLL, h:mm a ZZZZ')
    : 'never';
  return `sm8sync: ${STATE_WORDS[status.state]}\nLast good sync: ${last}`;
}
