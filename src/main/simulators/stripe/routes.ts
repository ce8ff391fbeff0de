// The simulator's whole route table: Stripe's /v1 surface plus the test-only /_sim.
import type { Route } from './context';
import { creditNoteRoutes } from './resources/credit-notes';
import { customerRoutes } from './resources/customers';
import { disputeRoutes } from './resources/disputes';
import { eventRoutes } from './resources/events';
import { invoiceActionRoutes } from './resources/invoice-actions';
import { invoiceAddLinesRoutes } from './resources/invoice-add-lines';
import { invoiceItemRoutes } from './resources/invoice-items';
import { invoiceLineEditRoutes } from './resources/invoice-line-edits';
import { invoiceRoutes } from './resources/invoices';
import { paymentRoutes } from './resources/payments';
import { payoutRoutes } from './resources/payouts';
import { productRoutes } from './resources/products';
import { refundRoutes } from './resources/refunds';
import { simRoutes, type SimClock } from './resources/sim-routes';
import { taxIdRoutes } from './resources/tax-ids';
import { taxRateRoutes } from './resources/tax-rates';

export function allRoutes(clock: SimClock): Route[] {
  return [
    ...customerRoutes,
    ...taxIdRoutes,
    ...taxRateRoutes,
    ...productRoutes,
    ...invoiceRoutes,
    ...invoiceActionRoutes,
    ...invoiceAddLinesRoutes,
    ...invoiceLineEditRoutes,
    ...invoiceItemRoutes,
    ...paymentRoutes,
    ...refundRoutes,
    ...creditNoteRoutes,
    ...disputeRoutes,
    ...payoutRoutes,
    ...eventRoutes,
    ...simRoutes(clock),
  ];
}
