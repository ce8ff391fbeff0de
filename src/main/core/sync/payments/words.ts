// How payments read to a person: dollars with cents, job numbers with their hash, and
// the deterministic uuid a Stripe payment's ServiceM8 record gets.
import { createHash } from 'node:crypto';
import { formatCents } from '../../util/money';

export const dollars = (cents: number): string => (cents < 0 ? `-$${formatCents(-cents)}` : `$${formatCents(cents)}`);

export const jobWords = (jobNumber: string | null | undefined): string => (jobNumber ? `job #${jobNumber}` : 'its job');

/**
 * The ServiceM8 uuid a Stripe record is written under, chosen at plan time from the Stripe
 * id alone: a retried create, a re-plan after a crash, even a rebuilt database all send
 * the same uuid, and ServiceM8 updates instead of adding a second payment (assumption C1).
 */
export function paymentUuidFor(stripeId: string): string {
  const hex = createHash('sha256').update(`sm8sync:payment:${stripeId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The note a payment we record carries: the Stripe id, so people and matching can find it. */
export const stripeNote = (what: string, stripeId: string, invoiceNumber: string | null): string =>
  `${what} ${stripeId}${invoiceNumber ? ` (Stripe invoice ${invoiceNumber})` : ''} — recorded by sm8sync`;
