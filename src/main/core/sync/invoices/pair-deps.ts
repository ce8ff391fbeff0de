// What the invoices pair is built from: the store, the two connectors, the error
// classifier, and the tax-rate resolver shared by every write of the process.
import type { ServiceM8Client } from '../../connectors/servicem8/index';
import type { StripeConnector } from '../../connectors/stripe/stripe-connector';
import type { Store } from '../../store/store';
import type { ErrorClassifier } from '../engine/failure';

export interface InvoicePairDeps {
  store: Store;
  servicem8: ServiceM8Client;
  stripe: StripeConnector;
  errors: ErrorClassifier;
  newUuid?: () => string;
}
