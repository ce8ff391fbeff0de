// Adapts the Stripe connector to the client pair's port. Changes come from the
// events feed (customer and tax id events, oldest first); when the feed cannot be
// used (first run, or older than Stripe keeps) every customer is listed instead.
import type { StripeConnector } from '../../connectors/stripe/stripe-connector';
import { customerRecord, type StripeCustomerRecord } from '../../connectors/stripe/schemas';
import type { UnreadObject } from '../../connectors/stripe/schema-parts';
import type { FeedBatch } from '../engine/change-feed';
import type { Rejected, StripeCustomerChanges, StripeCustomersPort } from '../clients/ports';
import { CUSTOMER_EVENT_TYPES } from '../clients/definition';
import type { StripeCustomer } from '../clients/types';

/** `editedAt` null = not known (a listed customer says when it was created, not when it last changed). */
export function toCustomer(r: StripeCustomerRecord, editedAt: string | null, abn: string | null = null): StripeCustomer {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    address: r.address,
    metadata: r.metadata,
    abn,
    deleted: false,
    createdAt: r.createdAt,
    editedAt,
  };
}

/** Stripe stores the ABN as typed; we compare digits only. */
const abnDigits = (value: string): string => value.replace(/\s/g, '');

function abnOf(taxIds: { type: string; value: string }[] | undefined): string | null {
  const value = taxIds?.find((t) => t.type === 'au_abn')?.value;
  return value === undefined ? null : abnDigits(value);
}

export function stripeCustomersPort(connector: StripeConnector): StripeCustomersPort {
  async function fullScan(): Promise<StripeCustomerChanges> {
    const unread: UnreadObject[] = [];
    const all = await connector.listCustomers({ withTaxIds: true }, unread);
    const abnById: Record<string, string | null> = {};
    for (const c of all) abnById[c.id] = abnOf(c.taxIds);
    return {
      customers: all.map((c) => toCustomer(c, null, abnById[c.id] ?? null)),
      deletedIds: [],
      abnById,
      rejected: unread.map((u) => ({ id: u.id, object: 'customer', reason: u.reason })),
      fullScan: true,
    };
  }

  return {
    async customerChanges(since: FeedBatch) {
      if (since.needsFullRescan) return fullScan();
      const customers = new Map<string, StripeCustomer>();
      const deletedIds = new Set<string>();
      const abnById: Record<string, string | null> = {};
      const rejected: Rejected[] = [];
      for (const event of since.events) {
        if (!(CUSTOMER_EVENT_TYPES as readonly string[]).includes(event.type)) continue;
        if (event.type.startsWith('customer.tax_id.')) {
          const taxId = event.object as { type?: string; value?: string; customer?: string };
          if (taxId.type === 'au_abn' && typeof taxId.customer === 'string')
            abnById[taxId.customer] = event.type === 'customer.tax_id.deleted' ? null : abnDigits(taxId.value ?? '');
          continue;
        }
        const parsed = customerRecord.safeParse(event.object);
        if (!parsed.success) {
          rejected.push({
            id: event.objectId ?? event.id,
            object: 'customer',
            reason: `event ${event.id}: ${parsed.error.issues[0]?.message ?? 'unreadable customer'}`,
            raw: event.object,
          });
          continue;
        }
        if (event.type === 'customer.deleted') {
          deletedIds.add(parsed.data.id);
          customers.delete(parsed.data.id);
        } else {
          customers.set(parsed.data.id, toCustomer(parsed.data, event.createdAt));
        }
      }
      return {
        customers: [...customers.values()],
        deletedIds: [...deletedIds],
        abnById,
        rejected,
        fullScan: false,
      };
    },
    async createCustomer(input, key) {
      const { abn, ...fields } = input;
      const created = await connector.createCustomer(fields, key);
      if (abn) await connector.addAbn(created.id, abn, `${key}-abn`);
      return toCustomer(created, created.createdAt, abn ?? null);
    },
    async updateCustomer(id, input, key) {
      return toCustomer(await connector.updateCustomer(id, input, key), new Date().toISOString());
    },
    async getCustomer(id) {
      const found = await connector.getCustomer(id);
      return found ? toCustomer(found, null) : null;
    },
    async findByCrossReference(uuid) {
      const [found] = await connector.findCustomersByServiceM8Uuid(uuid);
      return found ? toCustomer(found, null) : null;
    },
    async confirmDeleted(ids) {
      const gone: string[] = [];
      for (const id of ids) if ((await connector.getCustomer(id)) === null) gone.push(id);
      return gone;
    },
    async setAbn(id, abn, key) {
      const existing = (await connector.listTaxIds(id)).filter((t) => t.type === 'au_abn');
      for (const taxId of existing) if (abnDigits(taxId.value) !== abn) await connector.deleteTaxId(id, taxId.id);
      if (abn && !existing.some((t) => abnDigits(t.value) === abn)) await connector.addAbn(id, abn, key);
    },
  };
}
