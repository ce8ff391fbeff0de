// Typed money tables for the invoice and payment pairs and the GST report: one row per
// record per side, integer cents only, GST per line and per invoice, and each date
// both as a UTC instant and as the business-local day and month it falls in.
export const up = `
CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  side TEXT NOT NULL CHECK (side IN ('servicem8', 'stripe')),
  -- ServiceM8: the job uuid; Stripe: the invoice id.
  external_id TEXT NOT NULL,
  job_uuid TEXT,
  job_number TEXT,
  invoice_number TEXT,
  client_name TEXT,
  client_abn TEXT,
  status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'partially_paid', 'paid', 'void', 'uncollectible')),
  currency TEXT NOT NULL DEFAULT 'aud',
  total_inc_cents INTEGER NOT NULL,
  total_ex_cents INTEGER NOT NULL,
  gst_cents INTEGER NOT NULL,
  amount_paid_cents INTEGER NOT NULL DEFAULT 0,
  -- ServiceM8: invoice_sent stamp, else completion date; Stripe: effective_at, else finalized_at, else created.
  invoice_at TEXT NOT NULL,
  invoice_date TEXT NOT NULL CHECK (invoice_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  invoice_month TEXT NOT NULL CHECK (invoice_month = substr(invoice_date, 1, 7)),
  -- The other side's record: a Stripe invoice id on ServiceM8 rows, a job uuid on Stripe rows.
  other_side_id TEXT,
  source_edited_at TEXT,
  last_synced_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (total_ex_cents + gst_cents = total_inc_cents),
  UNIQUE (side, external_id)
);
CREATE INDEX invoices_by_month ON invoices (invoice_month, side);
CREATE INDEX invoices_by_instant ON invoices (invoice_at, side);
CREATE INDEX invoices_by_other_side ON invoices (other_side_id);

CREATE TABLE invoice_lines (
  invoice_id INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  external_id TEXT,
  description TEXT NOT NULL DEFAULT '',
  -- Exact decimal strings as the side holds them.
  quantity TEXT NOT NULL,
  unit_amount_cents TEXT,
  -- As entered: GST-inclusive when tax_inclusive = 1, else GST-exclusive.
  amount_cents INTEGER NOT NULL,
  tax_inclusive INTEGER NOT NULL CHECK (tax_inclusive IN (0, 1)),
  rate_bp INTEGER NOT NULL CHECK (rate_bp >= 0),
  gst_cents INTEGER NOT NULL,
  ex_cents INTEGER NOT NULL,
  inc_cents INTEGER NOT NULL,
  CHECK (ex_cents + gst_cents = inc_cents),
  PRIMARY KEY (invoice_id, position)
);

-- Payments and refunds (kind), per side. Amounts are positive; a refund takes money back.
CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  side TEXT NOT NULL CHECK (side IN ('servicem8', 'stripe')),
  -- ServiceM8: the jobpayment uuid; Stripe: the charge, invoice payment or refund id.
  external_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('payment', 'refund')),
  -- The same side's invoice: a job uuid or a Stripe invoice id.
  invoice_external_id TEXT,
  refund_of TEXT,
  status TEXT NOT NULL CHECK (status IN ('succeeded', 'pending', 'failed', 'canceled')),
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  currency TEXT NOT NULL DEFAULT 'aud',
  method TEXT,
  servicem8_pay INTEGER NOT NULL DEFAULT 0 CHECK (servicem8_pay IN (0, 1)),
  fee_cents INTEGER NOT NULL DEFAULT 0,
  fee_gst_cents INTEGER NOT NULL DEFAULT 0,
  payout_id TEXT,
  paid_at TEXT NOT NULL,
  paid_date TEXT NOT NULL CHECK (paid_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  paid_month TEXT NOT NULL CHECK (paid_month = substr(paid_date, 1, 7)),
  other_side_id TEXT,
  source_edited_at TEXT,
  last_synced_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (side, external_id)
);
CREATE INDEX payments_by_month ON payments (paid_month, side);
CREATE INDEX payments_by_instant ON payments (paid_at, side);
CREATE INDEX payments_by_invoice ON payments (side, invoice_external_id);
CREATE INDEX payments_by_other_side ON payments (other_side_id);
`;
