// The sync state as colour + icon + words (never colour alone), matching the tray icon.
import type { Status } from '../../shared/api';
import { STATE_LABEL } from '../state/format';

const PATHS: Record<Status['state'], string> = {
  in_sync: 'M5 10.5l3.2 3.2L15 7',
  needs_approval: 'M10 5.5v6M10 14.5v.01',
  failing: 'M6.5 6.5l7 7M13.5 6.5l-7 7',
  paused: 'M8 6v8M12 6v8',
  syncing: 'M14.5 8.5A5 5 0 0 0 5.6 7.4M5.5 11.5a5 5 0 0 0 8.9 1.1M5.5 4.5v3h3M14.5 15.5v-3h-3',
  not_connected: 'M7 10h6',
  not_synced: 'M10 6v4l2.5 2.5',
};

export function StateIcon({ state, size = 20 }: { state: Status['state']; size?: number }) {
  return (
    <svg className={`state-icon state-${state}`} width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="9" />
      <path d={PATHS[state]} />
    </svg>
  );
}

export function StateBadge({ state }: { state: Status['state'] }) {
  return (
    <span className={`state-badge state-${state}`}>
      <StateIcon state={state} size={16} />
      {STATE_LABEL[state]}
    </span>
  );
}
