// The demo account: GST tax rates (10 % inclusive and exclusive), customers that
// overlap the ServiceM8 demo business by email (one in a different letter case,
// on purpose), Stripe-only customers, a duplicate-email pair, and two invoices
// (one paid by card, one open), plus the payment demo data of seed-demo-payments.ts.
// Ids are deterministic for a given seed.
import type { FormObject } from './form-body';
import type { Pipeline } from './pipeline';
import { seedDemoPayments } from './seed-demo-payments';

interface DemoCustomer {
  name: string;
  email: string;
  phone?: string;
  city?: string;
  abn?: string;
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    name: 'Harbour View Cafe Pty Ltd',
    email: 'accounts@harbourviewcafe.com.au',
    phone: '+61 2 9555 0101',
    city: 'Sydney',
    abn: '51824753556',
  },
  { name: 'Sarah Nguyen', email: 'sarah.nguyen@example.com', phone: '+61 412 555 019', city: 'Marrickville' },
  { name: 'Bondi Plumbing Supplies', email: 'office@bondiplumbingsupplies.com.au', phone: '+61 2 9555 0303', city: 'Bondi' },
  { name: 'Coogee Surf School', email: 'bookings@coogeesurfschool.com.au', city: 'Coogee' },
  { name: 'Peter Walsh', email: 'peter.walsh@example.org', phone: '+61 400 555 777' },
  { name: 'Parramatta Dental', email: 'admin@parramattadental.com.au', city: 'Parramatta' },
  { name: 'Parramatta Dental Group', email: 'admin@parramattadental.com.au', city: 'Parramatta' },
];

export function seedDemo(pipeline: Pipeline): void {
  const call = (method: 'POST' | 'GET', path: string, params: FormObject) => pipeline.executeDirect(method, path, params);
  const gst = (inclusive: boolean) =>
    String(
      call('POST', '/v1/tax_rates', {
        display_name: 'GST',
        percentage: '10',
        inclusive: String(inclusive),
        country: 'AU',
        jurisdiction: 'AU',
        tax_type: 'gst',
        description: inclusive ? 'GST 10% (inclusive)' : 'GST 10% (exclusive)',
      }).id,
    );
  const inclusive = gst(true);
  const exclusive = gst(false);
  const ids = DEMO_CUSTOMERS.map((c) => {
    const params: FormObject = { name: c.name, email: c.email };
    if (c.phone) params.phone = c.phone;
    if (c.city) params.address = { city: c.city, state: 'NSW', country: 'AU' };
    if (c.abn) params.tax_id_data = [{ type: 'au_abn', value: c.abn }];
    return String(call('POST', '/v1/customers', params).id);
  });
  const [harbour, sarah, bondi, coogee, peter] = ids;
  if (!harbour || !sarah || !bondi || !coogee || !peter) return;
  const paid = String(
    call('POST', '/v1/invoices', {
      customer: harbour,
      collection_method: 'send_invoice',
      days_until_due: '14',
      description: 'Coffee machine plumbing',
    }).id,
  );
  call('POST', '/v1/invoiceitems', {
    customer: harbour,
    invoice: paid,
    amount: '33000',
    description: 'Install filtered water line',
    tax_rates: [inclusive],
  });
  call('POST', '/v1/invoiceitems', { customer: harbour, invoice: paid, amount: '4500', description: 'Fittings', tax_rates: [exclusive] });
  call('POST', `/v1/invoices/${paid}/finalize`, {});
  call('POST', `/_sim/invoices/${paid}/pay_by_card`, {});
  const open = String(
    call('POST', '/v1/invoices', {
      customer: sarah,
      collection_method: 'send_invoice',
      days_until_due: '7',
      description: 'Blocked drain',
    }).id,
  );
  call('POST', '/v1/invoiceitems', {
    customer: sarah,
    invoice: open,
    amount: '19800',
    description: 'Clear blocked drain (1.5 h)',
    tax_rates: [inclusive],
  });
  call('POST', `/v1/invoices/${open}/finalize`, {});
  seedDemoPayments({ call, inclusive, customers: { sarah, coogee } });
}
