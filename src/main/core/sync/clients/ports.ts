// What the client ⇄ customer pair needs from each side. The connectors are adapted
// to these (sync/adapters/); tests may put fakes behind them.
import type { FeedBatch } from '../engine/change-feed';
import type { Address, Sm8Company, Sm8Contact, StripeCustomer } from './types';

export interface Rejected {
  id: string;
  object: string;
  reason: string;
  raw?: unknown;
}

export interface Pulled<T> {
  records: T[];
  rejected: Rejected[];
  /** Opaque position to pass to the next pull. */
  cursor: string;
}

export interface Sm8CompanyWrite {
  name?: string;
  abn_number?: string;
  address_street?: string;
  address_city?: string;
  address_state?: string;
  address_postcode?: string;
  address_country?: string;
}

export interface Sm8ContactWrite {
  company_uuid?: string;
  first?: string;
  last?: string;
  email?: string;
  phone?: string;
  mobile?: string;
  type?: string;
  is_primary_contact?: string;
}

export interface ServiceM8ClientsPort {
  pullCompanies(cursor: string | null, signal?: AbortSignal): Promise<Pulled<Sm8Company>>;
  pullContacts(cursor: string | null, signal?: AbortSignal): Promise<Pulled<Sm8Contact>>;
  /** For idempotent creates: was a record with our chosen uuid already made? */
  companyExists(uuid: string, signal?: AbortSignal): Promise<boolean>;
  /** The live records, read just before an update to see whether someone changed them since planning. */
  getCompany(uuid: string, signal?: AbortSignal): Promise<Sm8Company | null>;
  getContact(uuid: string, signal?: AbortSignal): Promise<Sm8Contact | null>;
  contactExists(uuid: string, signal?: AbortSignal): Promise<boolean>;
  createCompany(uuid: string, fields: Sm8CompanyWrite, signal?: AbortSignal): Promise<void>;
  updateCompany(uuid: string, fields: Sm8CompanyWrite, signal?: AbortSignal): Promise<void>;
  archiveCompany(uuid: string, signal?: AbortSignal): Promise<void>;
  createContact(uuid: string, fields: Sm8ContactWrite, signal?: AbortSignal): Promise<void>;
  updateContact(uuid: string, fields: Sm8ContactWrite, signal?: AbortSignal): Promise<void>;
}

export interface StripeCustomerWrite {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: Address | null;
  /** Merged into the customer's metadata; '' removes a key. */
  metadata?: Record<string, string>;
}

export interface StripeCustomerChanges {
  /** Created or updated customers, newest state. */
  customers: StripeCustomer[];
  /** Ids of customers deleted since the cursor. */
  deletedIds: string[];
  rejected: Rejected[];
  /** ABNs (au_abn tax ids) known from this pull, by customer id; null = the customer has none. */
  abnById: Record<string, string | null>;
  /** True when the change feed could not be used (first run, or older than Stripe keeps) and every customer was listed. */
  fullScan: boolean;
}

/** Customers returned by writes and change events carry `abn: null` = not known from that call. */
export interface StripeCustomersPort {
  /** The customer changes in this cycle's batch of the shared events feed (a full listing when the feed says so). */
  customerChanges(batch: FeedBatch, signal?: AbortSignal): Promise<StripeCustomerChanges>;
  /** The live customer (ABN not read), just before an update; null when deleted or gone. */
  getCustomer(id: string, signal?: AbortSignal): Promise<StripeCustomer | null>;
  createCustomer(
    input: StripeCustomerWrite & { abn?: string | null },
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<StripeCustomer>;
  updateCustomer(id: string, input: StripeCustomerWrite, idempotencyKey: string, signal?: AbortSignal): Promise<StripeCustomer>;
  /** Replaces the customer's au_abn tax id (null removes it). */
  setAbn(id: string, abn: string | null, idempotencyKey: string, signal?: AbortSignal): Promise<void>;
  /** The live customer whose metadata.servicem8_uuid is this uuid, if any (a list scan: slow, for rare checks). */
  findByCrossReference(servicem8Uuid: string, signal?: AbortSignal): Promise<StripeCustomer | null>;
  /** Of these ids, the ones Stripe confirms are deleted or gone (asked one by one). */
  confirmDeleted(ids: string[], signal?: AbortSignal): Promise<string[]>;
}

export type { ErrorClassifier, FailureKind } from '../engine/failure';
