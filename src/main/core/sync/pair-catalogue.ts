// The pairs sm8sync syncs, in no particular order (the engine orders them by their
// dependencies). A new pair is a folder under sync/ plus its line here.
import { clientDefinition } from './clients/definition';
import type { PairDefinition } from './engine/pair-definition';
import { invoiceDefinition } from './invoices/definition';
import { paymentDefinition } from './payments/definition';

export const PAIR_DEFINITIONS: readonly PairDefinition[] = [clientDefinition, invoiceDefinition, paymentDefinition];
