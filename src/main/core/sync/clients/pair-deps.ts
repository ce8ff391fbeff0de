// What the clients pair is built from: the store, one port per side, and the error
// classifier (tests put fakes behind the ports).
import type { Store } from '../../store/store';
import type { ErrorClassifier } from '../engine/failure';
import type { ServiceM8ClientsPort, StripeCustomersPort } from './ports';

export interface ClientPairDeps {
  store: Store;
  servicem8: ServiceM8ClientsPort;
  stripe: StripeCustomersPort;
  errors: ErrorClassifier;
  newUuid?: () => string;
}
