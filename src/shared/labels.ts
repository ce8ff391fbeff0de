// The words people read for the app's states, sides and directions: one set, used by
// the window, the tray, the CSV export, the CLI and the messages the engine writes.
import type { ActivityEntry, Status } from './api';
import type { SYNC_SIDES } from './settings';

export const SIDE_LABEL: Record<(typeof SYNC_SIDES)[number], string> = { servicem8: 'ServiceM8', stripe: 'Stripe' };

export const STATE_LABEL: Record<Status['state'], string> = {
  not_connected: 'Not connected',
  not_synced: 'Not synced yet',
  in_sync: 'In sync',
  syncing: 'Syncing',
  needs_approval: 'Needs you',
  failing: 'Sync failing',
  paused: 'Paused',
};

export const DIRECTION_LABEL: Record<ActivityEntry['direction'], string> = {
  servicem8_to_stripe: 'ServiceM8 → Stripe',
  stripe_to_servicem8: 'Stripe → ServiceM8',
  local: 'Your decision',
};

/** An audit row's outcome in words (screen, CSV, terminal). */
export const OUTCOME_LABEL: Record<ActivityEntry['outcome'], string> = {
  success: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
};
