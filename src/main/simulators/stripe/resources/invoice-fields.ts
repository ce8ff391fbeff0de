// Params shared by invoice create and update, and what each invoice status still
// lets you change: drafts everything; open/uncollectible only the descriptive
// fields (amounts and collection are locked); paid/void only metadata.
import type { SimContext } from '../context';
import { SimError } from '../errors';
import type { FormObject } from '../form-body';
import { applyMetadata } from '../metadata';
import type { InvoiceObject, InvoiceStatus } from '../objects/invoice';
import { allowOnly, asObject, bool, int, list, nullableStr, oneOf, str } from '../params';
import { resolveTaxRates } from './tax-rate-refs';

export const INVOICE_FIELDS = [
  'auto_advance',
  'collection_method',
  'custom_fields',
  'days_until_due',
  'default_tax_rates',
  'description',
  'due_date',
  'effective_at',
  'footer',
  'metadata',
  'number',
  'statement_descriptor',
];

const EDITABLE_AFTER_FINALIZE = ['auto_advance', 'custom_fields', 'description', 'footer', 'metadata', 'expand'];

export function checkEditable(invoice: InvoiceObject, params: FormObject): void {
  const allowed: Record<InvoiceStatus, readonly string[] | null> = {
    draft: null,
    open: EDITABLE_AFTER_FINALIZE,
    uncollectible: EDITABLE_AFTER_FINALIZE,
    paid: ['metadata', 'expand'],
    void: ['metadata', 'expand'],
  };
  const keys = allowed[invoice.status];
  if (keys === null) return;
  for (const key of Object.keys(params)) {
    if (!keys.includes(key)) {
      throw SimError.state(`You can't change \`${key}\` of an invoice with status ${invoice.status}.`, 'invoice_not_editable', key);
    }
  }
}

/** Stripe finalizes an auto-advancing draft about an hour after it was created. */
export const AUTO_FINALIZE_DELAY_SECONDS = 3600;

export function applyInvoiceFields(ctx: SimContext, invoice: InvoiceObject): void {
  const { params } = ctx;
  const autoAdvance = bool(params, 'auto_advance');
  if (autoAdvance !== undefined) invoice.auto_advance = autoAdvance;
  if (invoice.status === 'draft') {
    invoice.automatically_finalizes_at = invoice.auto_advance ? invoice.created + AUTO_FINALIZE_DELAY_SECONDS : null;
    if (invoice.automatically_finalizes_at !== null) ctx.store.autoFinalizing.add(invoice.id);
  }
  if (params.effective_at !== undefined) {
    // `''` unsets it (update takes Emptyable<number>); then finalization sets it.
    const effective = params.effective_at === '' ? null : int(params, 'effective_at');
    if (effective !== null && effective !== undefined && effective < 0)
      throw SimError.invalid(`Invalid effective_at: must be a Unix timestamp.`, 'effective_at', 'parameter_invalid_integer');
    invoice.effective_at = effective ?? null;
  }
  const method = oneOf(params, 'collection_method', ['charge_automatically', 'send_invoice'] as const);
  if (method) invoice.collection_method = method;
  const days = int(params, 'days_until_due');
  const due = int(params, 'due_date');
  if (due !== undefined) invoice.due_date = due;
  for (const key of ['description', 'footer', 'statement_descriptor', 'number'] as const) {
    const value = nullableStr(params, key);
    if (value !== undefined) invoice[key] = value;
  }
  const rates = resolveTaxRates(ctx, 'default_tax_rates');
  if (rates) invoice.default_tax_rates = rates;
  if (params.custom_fields !== undefined) invoice.custom_fields = readCustomFields(params);
  invoice.metadata = applyMetadata(invoice.metadata, params);
  if (
    invoice.collection_method === 'send_invoice' &&
    invoice.due_date === null &&
    days === undefined &&
    !ctx.store.daysUntilDue.has(invoice.id)
  ) {
    throw SimError.invalid('Invoices with `collection_method=send_invoice` need `days_until_due` or `due_date`.', 'days_until_due');
  }
  if (invoice.collection_method === 'charge_automatically' && (days !== undefined || due !== undefined)) {
    throw SimError.invalid(
      '`days_until_due` and `due_date` are only valid with `collection_method=send_invoice`.',
      days !== undefined ? 'days_until_due' : 'due_date',
    );
  }
  // Recorded only once every check passed: validation failures change nothing.
  if (days !== undefined) ctx.store.daysUntilDue.set(invoice.id, days);
}

function readCustomFields(params: FormObject): { name: string; value: string }[] | null {
  const entries = list(params, 'custom_fields') ?? [];
  if (entries.length === 0) return null;
  if (entries.length > 4) throw SimError.invalid('You can have at most 4 custom fields.', 'custom_fields');
  return entries.map((entry, index) => {
    const field = asObject(entry, `custom_fields[${index}]`);
    allowOnly(field, ['name', 'value'], `custom_fields[${index}]`);
    const name = str(field, 'name');
    const value = str(field, 'value');
    if (!name) throw SimError.missingParam(`custom_fields[${index}][name]`);
    if (!value) throw SimError.missingParam(`custom_fields[${index}][value]`);
    if (name.length > 40) throw SimError.invalid('Custom field names can have up to 40 characters.', `custom_fields[${index}][name]`);
    if (value.length > 140) throw SimError.invalid('Custom field values can have up to 140 characters.', `custom_fields[${index}][value]`);
    return { name, value };
  });
}
