// What the payments pair is built from: the store, one port per side, and the error
// classifier (tests put fakes behind the ports).
import type { Store } from '../../store/store';
import type { ErrorClassifier } from '../engine/failure';
import type { ServiceM8PaymentsPort, StripePaymentsPort } from './ports';

export interface PaymentPairDeps {
  store: Store;
  servicem8: ServiceM8PaymentsPort;
  stripe: StripePaymentsPort;
  errors: ErrorClassifier;
}
