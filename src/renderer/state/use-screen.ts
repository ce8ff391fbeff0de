// Which screen is shown. Until the person picks one, it follows the status: Get started
// on a first run (not connected, or connected and never synced), Status otherwise.
import { useState } from 'react';
import type { Status } from '../../shared/api';

export type Screen =
  'setup' | 'status' | 'needs' | 'invoices' | 'payments' | 'reconciliation' | 'gst' | 'activity' | 'settings' | 'connect';

/** A first run: something to connect, or nothing synced yet. */
export function isFirstRun(status: Status | null): boolean {
  return status !== null && status.lastGoodSyncAt === null && (status.state === 'not_connected' || status.state === 'not_synced');
}

export function useScreen(status: Status | null): [Screen, (screen: Screen) => void] {
  const [chosen, setChosen] = useState<Screen | null>(null);
  const fallback: Screen = isFirstRun(status) ? 'setup' : 'status';
  return [chosen ?? fallback, setChosen];
}

/** How many things wait for a person: decisions, records to fix, refused writes. */
export function needsCount(status: Status | null): number {
  if (!status) return 0;
  const { openConflicts, quarantined, needsAttention } = status.counts;
  return openConflicts + quarantined + needsAttention;
}
