// The account and its lists: vendor (the account itself), tax rates, staff, job
// categories and the materials catalogue.
import { define, refs, stamps, strings, type ObjectDef } from './object-kinds';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const HOURS = DAYS.flatMap((day) => [`opening_time_${day}`, `closing_time_${day}`]);

export const ACCOUNT_OBJECTS: Record<string, ObjectDef> = {
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
      ...strings('first', 'last', 'email', 'mobile', 'job_title', 'color', 'status_message', 'custom_icon_url'),
      ...refs('security_role_uuid', 'labour_material_uuid', 'navigating_to_job_uuid'),
      ...stamps('geo_timestamp', 'navigating_timestamp', 'navigating_expiry_timestamp', 'status_message_timestamp'),
      hide_from_schedule: 'flagInt',
      can_receive_push_notification: 'flagStr',
      lat: 'float',
      lng: 'float',
    },
    serverFields: ['lat', 'lng', 'geo_timestamp', 'navigating_to_job_uuid', 'navigating_timestamp', 'navigating_expiry_timestamp'],
    requiredOnCreate: ['first', 'last', 'email'],
  }),
  category: define({
    name: 'category',
    readScope: 'read_job_categories',
    writeScope: 'manage_job_categories',
    fields: { name: 'string', colour: 'string' },
    requiredOnCreate: ['name'],
  }),
  material: define({
    name: 'material',
    readScope: 'read_inventory',
    writeScope: 'manage_inventory',
    fields: {
      ...strings('name', 'item_number', 'barcode', 'item_description'),
      price: 'money',
      cost: 'money',
      quantity_in_stock: 'float',
      price_includes_taxes: 'flagInt',
      item_is_inventoried: 'flagInt',
      use_description_for_invoicing: 'flagStr',
      tax_rate_uuid: 'ref',
    },
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
      'email_accounts',
      'billing_address',
      'accepted_payment_methods',
      'website',
      'currency',
      'timezone_name',
      'default_region',
      'invoice_terms',
      'job_default_status',
      ...HOURS,
    ),
    requiredOnCreate: [],
  }),
};
