// Our values → ServiceM8's wire format for writes: cents become decimal strings,
// booleans 0/1, instants account-local naive stamps, badges a JSON-encoded string.
import { formatCents } from '../../util/money';
import { toLocalNaive } from './local-time';

export type WireValue = string | number;
export type WireFields = Record<string, WireValue>;

export const wireMoney = (cents: number): string => formatCents(cents);
export const wireFlag = (value: boolean): 0 | 1 => (value ? 1 : 0);
export const wireRef = (uuid: string | null): string => uuid ?? '';
export const wireBadges = (badges: readonly string[]): string => JSON.stringify(badges);
export const wireStamp = (instant: Date | string | null, zone: string): string =>
  instant === null ? '0000-00-00 00:00:00' : toLocalNaive(instant, zone);

export interface NewJobPayment {
  jobUuid: string;
  amountCents: number;
  /** e.g. "Stripe", "Cash", "EFT". */
  method: string;
  /** UTC ISO instant of the payment. */
  paidAt: string;
  /** External reference, e.g. the Stripe payment id (reference §9). */
  note: string;
  actionedByUuid?: string | null;
}

export function jobPaymentFields(payment: NewJobPayment, zone: string): WireFields {
  return {
    job_uuid: payment.jobUuid,
    amount: wireMoney(payment.amountCents),
    method: payment.method,
    timestamp: wireStamp(payment.paidAt, zone),
    note: payment.note,
    actioned_by_uuid: wireRef(payment.actionedByUuid ?? null),
  };
}
