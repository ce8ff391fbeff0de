// The reverse of the uuid a Stripe payment or refund is recorded under in ServiceM8
// (sync/payments/words.ts paymentUuidFor, a hash): derived uuid → Stripe id. With it, a
// cycle tells whether a ServiceM8 payment is one sm8sync wrote by reading one row, not by
// hashing every mirrored charge and refund. SQLite cannot compute the hash, so rows
// mirrored before this migration are filled once, on first use (the pending row below;
// DerivedPaymentIdsRepository.fillOnce).
export const up = `
CREATE TABLE derived_payment_ids (
  derived_id TEXT PRIMARY KEY,
  stripe_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE derived_payment_ids_backfill (pending INTEGER NOT NULL);
INSERT INTO derived_payment_ids_backfill (pending) VALUES (1);
`;
