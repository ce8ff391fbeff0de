// What the demo month's notable jobs (demo-notable-plans.ts) become in the ServiceM8
// demo account: job number, client, totals and payments, as plain data the Stripe demo
// seed can refer to (a card payment for the open invoice, ServiceM8 Pay's charge, …)
// without running this seed. test/integration/servicem8-demo-seed.test.ts checks every
// value against the seeded simulator, so this file cannot drift from the seed.

export type NotableJobKey = 'gst-free-line' | 'tax-inclusive' | 'deposit' | 'part-paid' | 'zero-value' | 'servicem8-pay' | 'open-quote';

export interface NotableJobPayment {
  uuid: string;
  amountCents: number;
  method: string;
  /** UTC instant of the payment. */
  paidAt: string;
  isDeposit: boolean;
}

export interface NotableJob {
  key: NotableJobKey;
  /** What the case is there for. */
  why: string;
  jobUuid: string;
  /** generated_job_id: the invoice number. */
  jobNumber: string;
  clientUuid: string;
  clientName: string;
  /** The client's billing email, as the Stripe demo's customer has it. */
  clientEmail: string;
  status: 'Quote' | 'Work Order' | 'Completed';
  invoiceSent: boolean;
  /** UTC instant the invoice was sent, null when it was not. */
  invoiceSentAt: string | null;
  /** total_invoice_amount: tax-inclusive, in cents. */
  totalCents: number;
  /** GST in the total, rounded line by line as ServiceM8 does. */
  gstCents: number;
  paidCents: number;
  paymentReceived: boolean;
  payments: NotableJobPayment[];
}

const HARBOUR_VIEW = {
  clientUuid: '8575408e-9fae-41c4-b4e0-8581b4c0b959',
  clientName: 'Harbour View Cafe Pty Ltd',
  clientEmail: 'accounts@harbourviewcafe.com.au',
};

export const NOTABLE_JOBS: Record<NotableJobKey, NotableJob> = {
  'gst-free-line': {
    key: 'gst-free-line',
    why: 'a GST-free line (water authority permit) next to GST lines; paid in full by EFT',
    jobUuid: '98461140-efed-4fad-8934-347bef0e2aa0',
    jobNumber: '7',
    ...HARBOUR_VIEW,
    status: 'Completed',
    invoiceSent: true,
    invoiceSentAt: '2026-11-05T05:00:00Z',
    totalCents: 48885,
    gstCents: 3550,
    paidCents: 48885,
    paymentReceived: true,
    payments: [
      { uuid: '7c1677ed-8644-4fab-af77-534f377328dd', amountCents: 48885, method: 'EFT', paidAt: '2026-11-11T23:00:00Z', isDeposit: false },
    ],
  },
  'tax-inclusive': {
    key: 'tax-inclusive',
    why: 'every line priced GST-inclusive; invoiced and unpaid (a card payment candidate)',
    jobUuid: '3b6e4a8b-0b6a-492b-99b7-12576c04a4f0',
    jobNumber: '32',
    clientUuid: '07c4cb4b-cb7c-42d7-8e5f-c4ba0c424f74',
    clientName: 'Sarah Nguyen',
    clientEmail: 'Sarah.Nguyen@example.com',
    status: 'Completed',
    invoiceSent: true,
    invoiceSentAt: '2026-11-11T03:30:00Z',
    totalCents: 153800,
    gstCents: 13982,
    paidCents: 0,
    paymentReceived: false,
    payments: [],
  },
  deposit: {
    key: 'deposit',
    why: 'a 30% deposit on the work order, the balance after the invoice',
    jobUuid: '3ebdbfa4-f451-4d82-a760-61fbb3e9b49a',
    jobNumber: '2',
    clientUuid: 'a1e808d7-4cd3-4c53-85c3-3f56797e91a4',
    clientName: 'North Shore Grammar',
    clientEmail: 'facilities@northshoreschool.nsw.edu.au',
    status: 'Completed',
    invoiceSent: true,
    invoiceSentAt: '2026-11-14T02:30:00Z',
    totalCents: 338250,
    gstCents: 30750,
    paidCents: 338250,
    paymentReceived: true,
    payments: [
      {
        uuid: '0f890028-6c86-431d-87e7-ec6c63f45c02',
        amountCents: 101475,
        method: 'Bank Transfer',
        paidAt: '2026-11-05T22:00:00Z',
        isDeposit: true,
      },
      {
        uuid: 'ec4b36ec-b6f0-4c32-b120-848f85f4d517',
        amountCents: 236775,
        method: 'Bank Transfer',
        paidAt: '2026-11-24T00:00:00Z',
        isDeposit: false,
      },
    ],
  },
  'part-paid': {
    key: 'part-paid',
    why: 'invoiced and paid in part (cash)',
    jobUuid: '628494ea-e38e-4d66-b5ea-808a01ed48a5',
    jobNumber: '59',
    clientUuid: 'ddd3e0e7-4e62-4a95-8a19-dc9b3635799d',
    clientName: 'Parramatta Dental Group',
    clientEmail: 'admin@parramattadental.com.au',
    status: 'Completed',
    invoiceSent: true,
    invoiceSentAt: '2026-11-16T01:30:00Z',
    totalCents: 79200,
    gstCents: 7200,
    paidCents: 40000,
    paymentReceived: false,
    payments: [
      {
        uuid: '50e9d8af-c0a2-41dd-91da-a87612721f73',
        amountCents: 40000,
        method: 'Cash',
        paidAt: '2026-11-22T22:30:00Z',
        isDeposit: false,
      },
    ],
  },
  'zero-value': {
    key: 'zero-value',
    why: 'a warranty return invoiced at $0.00 (must not become a Stripe invoice)',
    jobUuid: '832f5ed2-8eae-4ef4-ae7c-ed5678191c6d',
    jobNumber: '71',
    clientUuid: 'e6473a14-0a69-4bad-a126-fb1aa5334a64',
    clientName: 'Bondi Plumbing Supplies',
    clientEmail: 'office@bondiplumbingsupplies.com.au',
    status: 'Completed',
    invoiceSent: true,
    invoiceSentAt: '2026-11-19T00:15:00Z',
    totalCents: 0,
    gstCents: 0,
    paidCents: 0,
    paymentReceived: false,
    payments: [],
  },
  'servicem8-pay': {
    key: 'servicem8-pay',
    why: 'paid on site with ServiceM8 Pay (Stripe inside ServiceM8): the Stripe side has the same charge',
    jobUuid: '328826b2-74f4-4591-8e73-7345721d8211',
    jobNumber: '81',
    clientUuid: '9460c5ee-2996-4edd-bd19-316082e3e2bf',
    clientName: "James O'Connor",
    clientEmail: 'james.oconnor@example.net',
    status: 'Completed',
    invoiceSent: true,
    invoiceSentAt: '2026-11-20T00:50:00Z',
    totalCents: 27795,
    gstCents: 2527,
    paidCents: 27795,
    paymentReceived: true,
    payments: [
      {
        uuid: 'a02e39ee-2704-4683-9143-bc58bf55692a',
        amountCents: 27795,
        method: 'Stripe',
        paidAt: '2026-11-20T00:55:00Z',
        isDeposit: false,
      },
    ],
  },
  'open-quote': {
    key: 'open-quote',
    why: 'a quote sent and not yet accepted (reference only on the Stripe side)',
    jobUuid: 'e0fa320d-2e01-4733-8258-3cf4505025da',
    jobNumber: '102',
    ...HARBOUR_VIEW,
    status: 'Quote',
    invoiceSent: false,
    invoiceSentAt: null,
    totalCents: 86390,
    gstCents: 7854,
    paidCents: 0,
    paymentReceived: false,
    payments: [],
  },
};
