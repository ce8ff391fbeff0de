// Outbox payloads of the client pair: everything the apply step needs is decided at
// plan time (including uuids we choose for ServiceM8 creates), so a retry after a
// crash sends exactly the same request.
import type { Sm8CompanyWrite, Sm8ContactWrite, StripeCustomerWrite } from './ports';
import type { ClientFields } from './types';

/** The merge base: the two-way fields, plus the ABN last written (so a cleared ABN can be told from none). */
export type ClientBase = Partial<Pick<ClientFields, 'name' | 'email' | 'phone' | 'address' | 'abn'>>;

export interface CreateCustomerPayload {
  servicem8Id: string;
  write: StripeCustomerWrite & { abn: string | null };
  base: ClientBase;
  servicem8EditedAt: string | null;
  /** Set when this replaces a deleted customer (the link is re-pointed). */
  replacesStripeId: string | null;
  conflictIds: number[];
}

export interface UpdateCustomerPayload {
  servicem8Id: string;
  stripeId: string;
  write: StripeCustomerWrite;
  /** A new au_abn value (ServiceM8 → Stripe) when it changed; null when it was cleared in ServiceM8. */
  abn?: string | null;
  base: ClientBase;
  conflictIds: number[];
}

export interface CreateClientPayload {
  stripeId: string;
  companyUuid: string;
  contactUuid: string;
  company: Sm8CompanyWrite;
  contact: Sm8ContactWrite;
  base: ClientBase;
  stripeEditedAt: string | null;
  conflictIds: number[];
}

export interface UpdateClientPayload {
  servicem8Id: string;
  stripeId: string;
  contactUuid: string | null;
  createContact: boolean;
  company: Sm8CompanyWrite;
  contact: Sm8ContactWrite;
  base: ClientBase;
  conflictIds: number[];
}

export interface ArchiveClientPayload {
  servicem8Id: string;
  stripeId: string;
  conflictIds: number[];
}
