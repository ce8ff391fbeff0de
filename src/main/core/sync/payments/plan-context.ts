// What one planning pass of the payments pair works with and adds to: the mirrored
// records of both sides, the links (stored and found in this pass), the decisions
// people made, and the plan, notes and link words it builds.
import type { Settings } from '../../../../shared/settings';
import type { Conflict, NewConflict } from '../../store/repositories/conflicts-repository';
import { chosenAction, chosenCandidate } from '../kit/decisions';
import type { PlanningLinks } from '../kit/planning-links';
import type { PairPlan, PlannedWrite } from '../engine/plan-types';
import type { PaymentBase } from './payloads';
import type { StripeInvoiceState } from './ports';
import { PAYMENT_ENTITY, type PaymentNote, type Sm8Payment, type StripeCharge, type StripeRefund } from './types';

export interface PaymentWorld {
  sm8: Map<string, Sm8Payment>;
  charges: Map<string, StripeCharge>;
  refunds: Map<string, StripeRefund>;
  /** What this pass looks at: changed records, deferred ones, subjects of decisions. */
  subjects: { sm8: Set<string>; charges: Set<string>; refunds: Set<string> };
}

export interface PlanLookups {
  links: PlanningLinks;
  /** Invoice links (the invoices pair's): job uuid ⇄ Stripe invoice id. */
  jobOfInvoice(invoiceId: string): string | null;
  invoiceOfJob(jobUuid: string): string | null;
  jobNumber(jobUuid: string): string | null;
  baseFor(servicem8Uuid: string): PaymentBase | undefined;
  /** Decided, not yet carried out (state resolved), by question key. */
  decided: Map<string, Conflict>;
  /** Decisions already carried out (state applied), by question key: an "ignore" stays ignored. */
  carriedOut: Map<string, Conflict>;
  busy: Set<string>;
  /** ServiceM8 payments already settled with Stripe as part of a group (a deposit and its balance). */
  settledInGroup(servicem8Uuid: string): boolean;
  invoice(invoiceId: string): Promise<StripeInvoiceState | null>;
  /** The ServiceM8 Pay charge an earlier pass linked this ServiceM8 payment to (null: not a ServiceM8 Pay record). */
  servicem8PayCharge(servicem8Uuid: string): string | null;
  /** Jobs paid with ServiceM8 Pay still waiting for a finalized Stripe invoice to mark paid (plan-servicem8-pay.ts). */
  pendingSettlements: readonly string[];
  /** A ServiceM8 payment sm8sync wrote itself: its uuid is derived from a Stripe payment or refund id (words.ts). */
  ownRecord(servicem8Uuid: string): boolean;
  settings: Settings;
}

export interface LinkMade {
  servicem8Id: string;
  stripeId: string;
  servicem8Pay: boolean;
  words: string;
}

export const questionKey = (kind: string, id: string) => `${PAYMENT_ENTITY}:${kind}:${id}`;

const CARD_METHOD = /stripe|card|visa|master|amex|eftpos|credit|debit/i;
export const looksLikeCard = (method: string) => CARD_METHOD.test(method);

/** Payments entered by hand up to this far from the Stripe payment's time count as the same day's payment. */
export const MATCH_WINDOW_MS = 3 * 24 * 60 * 60_000;

export class PaymentPlanning {
  readonly plan: PairPlan;
  readonly notes = new Map<string, PaymentNote>();
  readonly linksMade: LinkMade[] = [];
  /** ServiceM8 payments a Stripe payment claimed in this pass (linked, or a candidate of a question). */
  readonly claimed = new Set<string>();
  readonly byJob = new Map<string, Sm8Payment[]>();

  constructor(
    readonly world: PaymentWorld,
    readonly lookups: PlanLookups,
    plan: PairPlan,
  ) {
    this.plan = plan;
    for (const p of world.sm8.values()) {
      const list = this.byJob.get(p.jobUuid) ?? [];
      list.push(p);
      this.byJob.set(p.jobUuid, list);
    }
  }

  note(side: 'servicem8' | 'stripe', id: string, note: PaymentNote, defer = false): void {
    this.notes.set(`${side}:${id}`, note);
    if (defer) (side === 'servicem8' ? this.plan.deferred.servicem8 : this.plan.deferred.stripe).push(id);
  }

  write(write: Omit<PlannedWrite, 'entity' | 'priority'> & { priority?: number }): void {
    this.plan.writes.push({ entity: PAYMENT_ENTITY, priority: 5, ...write });
  }

  ask(conflict: Omit<NewConflict, 'entity'>): void {
    this.plan.conflicts.push({ entity: PAYMENT_ENTITY, ...conflict });
  }

  link(made: LinkMade, base: PaymentBase): void {
    this.lookups.links.add(made.servicem8Id, made.stripeId);
    this.claimed.add(made.servicem8Id);
    this.linksMade.push(made);
    this.plan.links.push({
      entity: PAYMENT_ENTITY,
      servicem8Id: made.servicem8Id,
      stripeId: made.stripeId,
      servicem8EditedAt: null,
      stripeEditedAt: null,
    });
    this.plan.bases.push({ entity: PAYMENT_ENTITY, servicem8Id: made.servicem8Id, fields: { ...base } });
  }

  /** The decision on a question: resolved now (to carry out), or carried out before (still standing). */
  decision(key: string): { action: string | null; candidate: string | null; conflict: Conflict; pending: boolean } | null {
    const resolved = this.lookups.decided.get(key);
    if (resolved) return { action: chosenAction(resolved), candidate: chosenCandidate(resolved), conflict: resolved, pending: true };
    const done = this.lookups.carriedOut.get(key);
    if (done) return { action: chosenAction(done), candidate: chosenCandidate(done), conflict: done, pending: false };
    return null;
  }

  /** Active, unlinked, unclaimed ServiceM8 payments of a job. */
  openPaymentsOf(jobUuid: string): Sm8Payment[] {
    return (this.byJob.get(jobUuid) ?? []).filter(
      (p) =>
        p.active && !this.claimed.has(p.uuid) && this.lookups.links.stripeIdFor(p.uuid) === null && !this.lookups.settledInGroup(p.uuid),
    );
  }
}

export const baseOf = (p: Sm8Payment): PaymentBase => ({ amountCents: p.amountCents, paidAt: p.paidAt, active: p.active });
