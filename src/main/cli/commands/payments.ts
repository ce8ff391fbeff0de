// `sm8sync payments [--month YYYY-MM]`: every payment on either side with its match
// state (synced, servicem8_pay, waiting, needs_approval, failed, unmatched) and reason.
import type { PaymentRow } from '../../../shared/api';
import { call } from '../../core/app/app-backend';
import { formatDollars } from '../../core/util/money';
import { output, UsageError, type Command } from '../command';
import { openCliApp } from '../open-cli-app';
import { timeWords, type TimeWords } from '../business-zone';
import { PAYMENT_STATE_LABEL } from '../../../shared/labels';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const amount = formatDollars;

function describe(rows: PaymentRow[], time: TimeWords): string {
  if (rows.length === 0) return 'No payments.';
  return rows
    .map((r) => {
      const ids = [r.servicem8PaymentUuid && `ServiceM8 ${r.servicem8PaymentUuid}`, r.stripePaymentId && `Stripe ${r.stripePaymentId}`]
        .filter(Boolean)
        .join(' ⇄ ');
      const fee = r.feeCents ? `, fee ${amount(r.feeCents)} (GST ${amount(r.feeGstCents)})` : '';
      return `${time.day(r.paidAt)} ${PAYMENT_STATE_LABEL[r.state].padEnd(13)} ${amount(r.amountCents)} ${r.method ?? ''}${r.jobNumber ? ` job #${r.jobNumber}` : ''}${fee}\n  ${ids}\n  ${r.reason}`;
    })
    .join('\n');
}

export const paymentsCommand: Command = {
  name: 'payments',
  summary: 'every payment on either side with its match state and reason',
  usage: 'sm8sync payments [--month YYYY-MM] [--json]',
  options: { month: { type: 'string' } },
  async run(context, values) {
    const month = values.month;
    if (month !== undefined && (typeof month !== 'string' || !MONTH.test(month)))
      throw new UsageError(`--month must be a month like 2026-11 (got ${JSON.stringify(month)})`);
    const app = openCliApp(context);
    try {
      const rows = await call(app.backend, 'listPayments', month ? { month } : {});
      const time = context.json ? null : await timeWords(app.backend);
      output(context, rows, () => describe(rows, time!));
      return 0;
    } finally {
      app.close();
    }
  },
};
