// Behaviours the reference leaves open where both answers are plausible: each is a
// switch with the default we think likelier (ASSUMPTIONS.md names them).
export interface SimBehaviour {
  /** A10: whether job.total_invoice_amount includes tax (default) or not. */
  totalInvoiceAmount: 'inclusive' | 'exclusive';
  /** A12: payments set payment_received when they cover the total ('derived', default), or only a write sets it ('manual'). */
  paymentReceived: 'derived' | 'manual';
  /** A27: a payment on a job that is not Completed yet is a deposit ('before-completion', default), or is_deposit stays 0 ('never'). */
  deposits: 'before-completion' | 'never';
}

export const DEFAULT_BEHAVIOUR: SimBehaviour = {
  totalInvoiceAmount: 'inclusive',
  paymentReceived: 'derived',
  deposits: 'before-completion',
};

export function behaviourOf(partial: Partial<SimBehaviour> | undefined): SimBehaviour {
  return { ...DEFAULT_BEHAVIOUR, ...partial };
}
