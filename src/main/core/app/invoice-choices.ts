// A person's choices on the Invoices screen: skip a job (it is never billed in Stripe,
// shown as not sent, "Skipped by you"), undo that, or send it now although the invoice
// trigger or a job filter holds it back. Each is recorded for the invoices pair to
// honour at its next plan, and audited. Retry is the failures' own retry.
import type { Store } from '../store/store';
import { settleFailures } from './failure-view';
import { invoiceStandings } from './invoice-list';
import { actionsOf, refusedWriteIds } from './invoice-view';

export type InvoiceChoiceAction = 'send_now' | 'skip' | 'unskip';

export interface JobOutcome {
  resolved: string[];
  failed: { id: string; reason: string }[];
}

const MESSAGES: Record<InvoiceChoiceAction, string> = {
  skip: 'Skipped this job: it will not be billed in Stripe.',
  unskip: 'Undid the skip: the job is invoiced as the settings say.',
  send_now: 'Asked to send this job to Stripe now, without waiting for the invoice trigger.',
};

export function chooseInvoices(store: Store, jobUuids: string[], action: InvoiceChoiceAction): JobOutcome {
  const outcome: JobOutcome = { resolved: [], failed: [] };
  const standings = new Map(invoiceStandings(store, {}).flatMap((s) => (s.row.jobUuid ? [[s.row.jobUuid, s] as const] : [])));
  const failures = refusedWriteIds(store);
  for (const uuid of new Set(jobUuids)) {
    const standing = standings.get(uuid);
    if (!standing) {
      outcome.failed.push({ id: uuid, reason: 'not a job on the Invoices list' });
      continue;
    }
    const failureId = failures.get(uuid) ?? null;
    if (!actionsOf(standing, failureId).includes(action)) {
      outcome.failed.push({ id: uuid, reason: refusal(action, standing.entry.state) });
      continue;
    }
    // Send now on a job already on its way needs nothing recorded: the sync the screen starts sends it.
    if (action === 'send_now' && standing.entry.state !== 'not_sent') {
      outcome.resolved.push(uuid);
      continue;
    }
    store.transaction(() => {
      if (action === 'unskip') store.invoiceChoices.clear(uuid);
      else store.invoiceChoices.set(uuid, action);
      if (action === 'skip' && failureId !== null) settleFailures(store, [failureId], 'dismiss');
      store.audit.append({
        direction: 'local',
        entity: 'invoice',
        operation: `${action}_invoice`,
        servicem8Id: uuid,
        before: { state: standing.entry.state, choice: standing.choice },
        after: { choice: action === 'unskip' ? null : action },
        outcome: 'success',
        message: MESSAGES[action],
      });
    });
    outcome.resolved.push(uuid);
  }
  return outcome;
}

function refusal(action: InvoiceChoiceAction, state: string): string {
  if (action === 'unskip') return 'the job is not skipped';
  if (state === 'sent') return 'the job is already a Stripe invoice';
  if (state === 'needs_approval') return 'the job waits for a decision in Needs you';
  return action === 'skip' ? 'this job cannot be skipped now' : 'this job cannot be sent: see its reason';
}
