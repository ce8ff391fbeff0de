// The words people read for the app's states, sides and directions: one set, used by
// the window, the tray, the CSV export, the CLI and the messages the engine writes.
import type { ActivityEntry, InvoiceRow, PaymentRow, Status } from './api';
import type { FINDING_KINDS } from './report-schemas';
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

export const PAYMENT_STATE_LABEL: Record<PaymentRow['state'], string> = {
  synced: 'Matched',
  servicem8_pay: 'ServiceM8 Pay',
  waiting: 'On its way',
  needs_approval: 'Needs you',
  failed: 'Failed',
  unmatched: 'Not matched',
};

export const FINDING_KIND_LABEL: Record<(typeof FINDING_KINDS)[number], string> = {
  missing_in_stripe: 'Missing in Stripe',
  missing_in_servicem8: 'Missing in ServiceM8',
  field_mismatch: 'Details differ',
  total_mismatch: 'Totals differ',
  gst_mismatch: 'GST differs',
  payment_status_mismatch: 'Paid on one side only',
  duplicate: 'Possible duplicate',
  broken_link: 'Link to a missing record',
};

export const INVOICE_STATE_LABEL: Record<InvoiceRow['state'], string> = {
  sent: 'Sent',
  waiting: 'Waiting',
  not_sent: 'Not sent',
  needs_approval: 'Needs you',
  failed: 'Failed',
};

/** A Stripe invoice's status as people read it (Stripe's own words are codes). */
export function stripeInvoiceStatusLabel(status: string): string {
  const words: Record<string, string> = {
    draft: 'draft',
    open: 'open, not paid yet',
    paid: 'paid',
    void: 'voided',
    uncollectible: 'marked uncollectible',
  };
  return words[status] ?? status;
}
