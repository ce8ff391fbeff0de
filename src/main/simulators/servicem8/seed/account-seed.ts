// The records every ServiceM8 account has even when empty: the vendor (the account
// itself) and its tax rates. `--seed none` is just this.
import { withDefaults } from '../objects';
import type { SimulatorStore } from '../store';
import { naiveLocal } from '../local-time';

export const SYDNEY = 'Australia/Sydney';

export interface AccountIds {
  vendor: string;
  gst: string;
  gstFree: string;
}

export const ACCOUNT_IDS: AccountIds = {
  vendor: 'b5f3e0a2-6c1d-4f7e-9a8b-1c2d3e4f5a60',
  gst: 'a1b2c3d4-0001-4a10-8b10-000000000010',
  gstFree: 'a1b2c3d4-0002-4a10-8b10-000000000000',
};

/** Opening hours as the spec stores them: minutes after midnight, as strings ("420" = 7:00). Closed days are "0". */
function openingHours(): Record<string, string> {
  const hours: Record<string, string> = {};
  for (const day of ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']) {
    const weekday = day !== 'saturday' && day !== 'sunday';
    hours[`opening_time_${day}`] = weekday ? '420' : day === 'saturday' ? '480' : '0';
    hours[`closing_time_${day}`] = weekday ? '1020' : day === 'saturday' ? '720' : '0';
  }
  return hours;
}

export function seedAccount(store: SimulatorStore, at: Date, vendor: { name: string; abn: string; email: string }): AccountIds {
  const editDate = naiveLocal(at, SYDNEY);
  store.put(
    'vendor',
    withDefaults('vendor', {
      uuid: ACCOUNT_IDS.vendor,
      name: vendor.name,
      abn_number: vendor.abn,
      business_number: '',
      email: vendor.email,
      email_accounts: vendor.email,
      billing_address: '',
      website: '',
      currency: 'AUD',
      timezone_name: SYDNEY,
      default_region: 'AU',
      invoice_terms: 'Payment due within 14 days',
      job_default_status: 'Quote',
      ...openingHours(),
      active: 1,
      edit_date: editDate,
    }),
  );
  store.put(
    'taxrate',
    withDefaults('taxrate', { uuid: ACCOUNT_IDS.gst, name: 'GST', amount: '10', is_default_tax_rate: 1, active: 1, edit_date: editDate }),
  );
  store.put(
    'taxrate',
    withDefaults('taxrate', {
      uuid: ACCOUNT_IDS.gstFree,
      name: 'GST Free',
      amount: '0',
      is_default_tax_rate: 0,
      active: 1,
      edit_date: editDate,
    }),
  );
  return ACCOUNT_IDS;
}
