// What planning one cycle of the invoices pair works from (read from the store by
// invoice-pair.ts) and what it produces besides the engine's plan: each job's standing
// for the invoice list and the typed money rows of both sides.
import type { Settings } from '../../../../shared/settings';
import type { Conflict } from '../../store/repositories/conflicts-repository';
import type { InvoiceChoice } from '../../store/repositories/invoice-choices-repository';
import type { InvoiceJobRow } from '../../store/repositories/invoice-jobs-repository';
import type { InvoiceInput } from '../../store/repositories/invoices-repository';
import type { Link } from '../../store/repositories/links-repository';
import type { PairPlan } from '../engine/plan-types';
import type { PlanningLinks } from '../kit/planning-links';
import type { ClientState } from './eligibility';
import type { InvoiceBase } from './payloads';
import type { Category, Job, Material, Staff, StripeInvoice, TaxRate } from './types';

export interface InvoiceWorld {
  job(uuid: string): Job | null;
  /** Every mirrored job (read once, when a plan needs them all). */
  allJobs(): Job[];
  materialsOf(jobUuid: string): Material[];
  /** Why one of the job's lines could not be read (it is quarantined), or null: such a job is not invoiced without it. */
  unreadLine?(jobUuid: string): string | null;
  taxRates: ReadonlyMap<string, TaxRate>;
  categories: ReadonlyMap<string, Category>;
  staff: ReadonlyMap<string, Staff>;
  invoice(id: string): StripeInvoice | null;
  /** Every mirrored Stripe invoice (read once, when matching needs them). */
  allInvoices(): StripeInvoice[];
  /**
   * The invoices matching could find for one job (naming it in metadata, or of its customer, or of
   * none), in allInvoices' order; absent when matching reads them all (a full replan).
   */
  invoicesFor?(jobUuid: string, customerId: string): StripeInvoice[];
}

export interface InvoicePlanContext {
  settings: Settings;
  link(jobUuid: string): Link | null;
  links: PlanningLinks;
  baseOf(linkId: number): InvoiceBase | null;
  client(companyUuid: string | null): ClientState & { name: string | null; abn: string | null };
  /** The Stripe customer's ServiceM8 client (company uuid), when linked. */
  clientOfCustomer(customerId: string | null): string | null;
  customerName(customerId: string | null): { name: string | null; abn: string | null };
  resolved: Conflict[];
  busy: Set<string>;
  /** A Stripe tax rate's basis points (null: unknown). */
  rateBp(taxRateId: string | null): number | null;
  /** The standing recorded earlier for a key (a job uuid or "stripe:<invoice id>"). */
  standing(key: string): InvoiceJobRow | null;
  /** A person's choice for a job on the Invoices screen (skip it, send it now); absent: none. */
  choice?(jobUuid: string): InvoiceChoice | null;
  newUuid(): string;
}

export interface InvoicePlanOutput {
  plan: PairPlan;
  states: InvoiceJobRow[];
  typed: InvoiceInput[];
}
