// `sm8sync invoices [--state …]`: every job that is or could be an invoice, with its
// state (sent, waiting, not_sent, needs_approval, failed) and the reason in words.
import { INVOICE_LIST_STATES, type InvoiceListEntry } from '../../../shared/api';
import { call } from '../../core/app/app-backend';
import { formatCents } from '../../core/money';
import { output, parseChoiceFlag, type Command } from '../command';
import { openCliApp } from '../open-cli-app';
import { INVOICE_STATE_LABEL, stripeInvoiceStatusLabel } from '../../../shared/labels';

const money = (cents: number | null) => (cents === null ? '—' : `$${formatCents(cents)}`);

function describe(entries: InvoiceListEntry[]): string {
  if (entries.length === 0) return 'No jobs to show.';
  return entries
    .map((e) => {
      const who = [e.jobNumber ? `Job ${e.jobNumber}` : `Stripe invoice ${e.stripeInvoiceId ?? ''}`, e.client].filter(Boolean).join(' — ');
      const stripe = e.stripeInvoiceId
        ? ` → Stripe invoice ${e.stripeInvoiceId}${e.stripeStatus ? `, ${stripeInvoiceStatusLabel(e.stripeStatus)}` : ''}`
        : '';
      const totals = `ServiceM8 ${money(e.servicem8TotalCents)} (GST ${money(e.servicem8GstCents)}), Stripe ${money(e.stripeTotalCents)} (GST ${money(e.stripeGstCents)})`;
      return `${who}: ${INVOICE_STATE_LABEL[e.state]}${stripe}\n  ${totals}${e.reason ? `\n  ${e.reason}` : ''}`;
    })
    .join('\n');
}

export const invoicesCommand: Command = {
  name: 'invoices',
  summary: 'every job that is or could be an invoice, with its state and the reason in words',
  usage: `sm8sync invoices [--state ${INVOICE_LIST_STATES.join('|')}] [--json]`,
  options: { state: { type: 'string' } },
  async run(context, values) {
    const state = parseChoiceFlag('state', values.state, INVOICE_LIST_STATES);
    const app = openCliApp(context, { looksOnly: true });
    try {
      const entries = await call(app.backend, 'listInvoices', state ? { state } : {});
      output(context, entries, () => describe(entries));
      return 0;
    } finally {
      app.close();
    }
  },
};
