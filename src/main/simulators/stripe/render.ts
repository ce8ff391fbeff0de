// Turns a stored object into its wire JSON: most objects are stored as they are
// sent, a few have nested lists that are assembled on the way out (invoice lines,
// charge refunds, credit note lines). Includable fields are added only by expand.
import type { Json } from './context';
import type { SimStore, WireObject } from './store';

const EMBEDDED_LINES = 10;

export function render(store: SimStore, obj: WireObject): Json {
  const json = structuredClone(obj) as Json;
  switch (obj.object) {
    case 'invoice':
      json.lines = embeddedList(invoiceLines(store, obj.id), `/v1/invoices/${obj.id}/lines`);
      break;
    case 'charge':
      json.refunds = embeddedList(store.refunds.newestWhere('charge', obj.id), `/v1/charges/${obj.id}/refunds`);
      break;
    case 'credit_note':
      json.lines = embeddedList(
        store.creditNoteLines.where('credit_note', obj.id).map(stripCreditNoteLink),
        `/v1/credit_notes/${obj.id}/lines`,
      );
      break;
    default:
      break;
  }
  return json;
}

export function invoiceLines(store: SimStore, invoiceId: string): WireObject[] {
  return store.lines.where('invoice', invoiceId);
}

/** Credit note lines carry a private back-reference that is not on the wire. */
export function stripCreditNoteLink(line: WireObject): WireObject {
  const { credit_note: _ignored, ...rest } = line;
  return rest;
}

function embeddedList(items: WireObject[], url: string): Json {
  return {
    object: 'list',
    data: items.slice(0, EMBEDDED_LINES).map((item) => structuredClone(item)),
    has_more: items.length > EMBEDDED_LINES,
    url,
  };
}

/** Includable fields (absent unless expanded), by object type and field. */
export function includable(store: SimStore, json: Json, field: string): Json | undefined {
  const id = String(json.id);
  if (json.object === 'customer' && field === 'tax_ids') {
    const data = store.taxIds.newestWhere('customer', id);
    return { object: 'list', data, has_more: false, url: `/v1/customers/${id}/tax_ids` };
  }
  if (json.object === 'invoice' && field === 'payments') {
    const data = store.invoicePayments.newestWhere('invoice', id);
    return { object: 'list', data, has_more: false, url: `/v1/invoices/${id}/payments` };
  }
  return undefined;
}
