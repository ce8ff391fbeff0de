// The ServiceM8 objects the simulator serves, with each field's wire format and the
// OAuth scopes that guard them (reference §2 scope table, §3 fields). Fields not
// listed here are ignored on write, as we assume the real API does with unknown keys (A16).

/**
 * Wire formats: `money` is a 4-dp string, `decimal` a plain number string, `flagInt`
 * an integer 0/1, `flagStr` a string "0"/"1" (the spec types a few flags that way; A17),
 * `ref` a uuid or "" (never null), `datetime` an account-local naive stamp (A18),
 * `badges` a JSON-encoded string array.
 */
export type FieldKind = 'string' | 'ref' | 'money' | 'decimal' | 'int' | 'flagInt' | 'flagStr' | 'datetime' | 'badges';

export interface ObjectDef {
  name: string;
  readScope: string;
  writeScope: string;
  /** Job creation needs `create_jobs` rather than `manage_jobs`. */
  createScope?: string;
  /** vendor is the account itself: GET only. */
  readOnly?: boolean;
  fields: Record<string, FieldKind>;
  /** Set by the server only; silently ignored on write. */
  serverFields: string[];
  requiredOnCreate: string[];
  enums?: Record<string, readonly string[]>;
}

export const JOB_STATUSES = ['Quote', 'Work Order', 'Completed', 'Unsuccessful'] as const;

const COMMON: Record<string, FieldKind> = { uuid: 'ref', active: 'flagInt', edit_date: 'datetime' };

function define(def: Omit<ObjectDef, 'serverFields'> & { serverFields?: string[] }): ObjectDef {
  return { ...def, fields: { ...COMMON, ...def.fields }, serverFields: ['edit_date', ...(def.serverFields ?? [])] };
}

const strings = (...names: string[]): Record<string, FieldKind> => Object.fromEntries(names.map((n) => [n, 'string' as const]));
const refs = (...names: string[]): Record<string, FieldKind> => Object.fromEntries(names.map((n) => [n, 'ref' as const]));

export const OBJECTS: Record<string, ObjectDef> = {
  company: define({
    name: 'company',
    readScope: 'read_customers',
    writeScope: 'manage_customers',
    fields: {
      ...strings(
        'name',
        'abn_number',
        'address',
        'address_street',
        'address_city',
        'address_state',
        'address_postcode',
        'address_country',
        'billing_address',
        'billing_attention',
        'payment_terms',
        'website',
        'fax_number',
      ),
      ...refs('tax_rate_uuid', 'parent_company_uuid'),
      badges: 'badges',
      is_individual: 'flagInt',
    },
    serverFields: ['is_individual'],
    requiredOnCreate: ['name'],
  }),
  companycontact: define({
    name: 'companycontact',
    readScope: 'read_customer_contacts',
    writeScope: 'manage_customer_contacts',
    fields: { ...refs('company_uuid'), ...strings('first', 'last', 'phone', 'mobile', 'email', 'type'), is_primary_contact: 'flagStr' },
    requiredOnCreate: ['company_uuid'],
  }),
  job: define({
    name: 'job',
    readScope: 'read_jobs',
    writeScope: 'manage_jobs',
    createScope: 'create_jobs',
    fields: {
      ...strings(
        'generated_job_id',
        'status',
        'job_description',
        'work_done_description',
        'job_address',
        'billing_address',
        'purchase_order_number',
        'unsuccessful_reason',
      ),
      ...refs('company_uuid', 'category_uuid', 'created_by_staff_uuid', 'completion_actioned_by_uuid', 'queue_uuid'),
      date: 'datetime',
      quote_date: 'datetime',
      quote_sent: 'flagInt',
      quote_sent_stamp: 'datetime',
      work_order_date: 'datetime',
      completion_date: 'datetime',
      unsuccessful_date: 'datetime',
      total_invoice_amount: 'money',
      invoice_sent: 'flagInt',
      invoice_sent_stamp: 'datetime',
      payment_received: 'flagInt',
      payment_received_stamp: 'datetime',
      payment_processed: 'flagInt',
      payment_processed_stamp: 'datetime',
      badges: 'badges',
    },
    serverFields: [
      'generated_job_id',
      'total_invoice_amount',
      'quote_sent_stamp',
      'invoice_sent_stamp',
      'payment_received_stamp',
      'payment_processed_stamp',
      'completion_actioned_by_uuid',
    ],
    requiredOnCreate: ['status'],
    enums: { status: JOB_STATUSES },
  }),
  jobcontact: define({
    name: 'jobcontact',
    readScope: 'read_job_contacts',
    writeScope: 'manage_job_contacts',
    fields: { ...refs('job_uuid'), ...strings('first', 'last', 'phone', 'mobile', 'email', 'type') },
    requiredOnCreate: ['job_uuid'],
  }),
  jobmaterial: define({
    name: 'jobmaterial',
    readScope: 'read_job_materials',
    writeScope: 'manage_job_materials',
    fields: {
      ...refs('job_uuid', 'material_uuid', 'tax_rate_uuid', 'job_material_bundle_uuid'),
      name: 'string',
      quantity: 'decimal',
      price: 'money',
      displayed_amount: 'money',
      displayed_amount_is_tax_inclusive: 'flagStr',
      cost: 'money',
      displayed_cost: 'money',
      sort_order: 'int',
    },
    requiredOnCreate: ['job_uuid', 'quantity'],
  }),
  jobpayment: define({
    name: 'jobpayment',
    readScope: 'read_job_payments',
    writeScope: 'manage_job_payments',
    fields: {
      ...refs('job_uuid', 'actioned_by_uuid', 'attachment_uuid'),
      amount: 'money',
      method: 'string',
      timestamp: 'datetime',
      note: 'string',
      is_deposit: 'flagInt',
    },
    serverFields: ['is_deposit'],
    requiredOnCreate: ['job_uuid', 'amount'],
  }),
  taxrate: define({
    name: 'taxrate',
    readScope: 'read_tax_rates',
    writeScope: 'manage_tax_rates',
    fields: { name: 'string', amount: 'decimal', is_default_tax_rate: 'flagInt' },
    requiredOnCreate: ['name', 'amount'],
  }),
  staff: define({
    name: 'staff',
    readScope: 'read_staff',
    writeScope: 'manage_staff',
    fields: {
      ...strings('first', 'last', 'email', 'mobile', 'job_title', 'color'),
      hide_from_schedule: 'flagInt',
      security_role_uuid: 'ref',
    },
    requiredOnCreate: ['first'],
  }),
  category: define({
    name: 'category',
    readScope: 'read_job_categories',
    writeScope: 'manage_job_categories',
    fields: { name: 'string', colour: 'string' },
    requiredOnCreate: ['name'],
  }),
  vendor: define({
    name: 'vendor',
    readScope: 'vendor',
    writeScope: 'vendor',
    readOnly: true,
    fields: strings(
      'name',
      'abn_number',
      'business_number',
      'email',
      'currency',
      'timezone_name',
      'default_region',
      'invoice_terms',
      'job_default_status',
    ),
    requiredOnCreate: [],
  }),
};

/** The value a field has when a create does not mention it. */
export function defaultFor(kind: FieldKind): string | number {
  switch (kind) {
    case 'money':
      return '0.0000';
    case 'decimal':
      return '0';
    case 'int':
      return 0;
    case 'flagInt':
      return 0;
    case 'flagStr':
      return '0';
    case 'datetime':
      return '0000-00-00 00:00:00';
    case 'badges':
      return '[]';
    case 'string':
    case 'ref':
      return '';
  }
}
