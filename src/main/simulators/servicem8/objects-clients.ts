// Clients (company), their contacts and the badges that tag clients and jobs.
import { define, refs, strings, type ObjectDef } from './object-kinds';

export const CLIENT_OBJECTS: Record<string, ObjectDef> = {
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
      // The spec types it as a string ("0"/"1"); it is derived by ServiceM8, set by our seed (A24).
      is_individual: 'flagStr',
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
  badge: define({
    name: 'badge',
    // The spec guards reads with manage_badges too: there is no read_badges scope.
    readScope: 'manage_badges',
    writeScope: 'manage_badges',
    fields: {
      ...strings('name', 'file_name'),
      automatically_allocated: 'flagStr',
      ...refs('regarding_form_uuid', 'regarding_asset_type_uuid'),
    },
    requiredOnCreate: ['name'],
  }),
};
