// The client ⇄ customer pair in canonical form. Both sides are read into these
// shapes (UTC instants, E.164 phones, lower-case emails) before anything compares them.

export interface Address {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2 (Stripe's form). */
  country: string | null;
}

/** The fields compared and merged. `abn` travels ServiceM8 → Stripe only. */
export interface ClientFields {
  name: string | null;
  email: string | null;
  phone: string | null;
  address: Address | null;
  abn: string | null;
}

export const TWO_WAY_FIELDS = ['name', 'email', 'phone', 'address'] as const;
export type TwoWayField = (typeof TWO_WAY_FIELDS)[number];

/** A ServiceM8 company as the mirror keeps it (raw text; validated when assembled). */
export interface Sm8Company {
  uuid: string;
  name: string | null;
  abn: string | null;
  address: { street: string | null; city: string | null; state: string | null; postcode: string | null; country: string | null };
  isIndividual: boolean;
  /** Badges on the client (ServiceM8 writes names or uuids); used by the badge filter. */
  badges?: string[];
  active: boolean;
  editedAt: string | null;
}

export interface Sm8Contact {
  uuid: string;
  companyUuid: string;
  first: string | null;
  last: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  type: string | null;
  isPrimary: boolean;
  active: boolean;
  editedAt: string | null;
}

export interface StripeCustomer {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  address: Address | null;
  metadata: Record<string, string>;
  /** The customer's au_abn tax id value, if any. */
  abn: string | null;
  deleted: boolean;
  createdAt: string;
  /** Time of the last change we saw (the event's time; `createdAt` when only listed). */
  editedAt: string | null;
}

/** One side's view of a client after validation. */
export interface ClientRecord {
  side: 'servicem8' | 'stripe';
  id: string;
  active: boolean;
  editedAt: string | null;
  fields: ClientFields;
  /** Stripe: metadata.servicem8_uuid. ServiceM8: none (the uuid is the key). */
  crossReference: string | null;
  /** ServiceM8: the contact whose email/phone we use; null when the company has none. */
  contactUuid: string | null;
  /** Which ServiceM8 contact field the phone came from, so a write goes back to it. */
  phoneSource: 'mobile' | 'phone' | null;
  /** Stripe: metadata.servicem8_archived === 'true'. */
  archivedFlag: boolean;
  /** ServiceM8 badges (empty on the Stripe side). */
  badges: string[];
}

export const XREF_KEY = 'servicem8_uuid';
export const ARCHIVED_KEY = 'servicem8_archived';
export const EDIT_DATE_KEY = 'servicem8_edit_date';
