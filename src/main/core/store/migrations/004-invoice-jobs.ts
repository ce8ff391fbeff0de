// Where each ServiceM8 job stands as an invoice, in words: the invoices pair writes one
// row per job it has looked at (and per invoice made in Stripe without a job), with
// the reason a job was not sent and any difference between the two sides' totals.
// `sm8sync invoices` and the app read it together with links, outbox and conflicts.
export const up = `
CREATE TABLE invoice_jobs (
  -- A job uuid, or "stripe:<invoice id>" for an invoice made in Stripe.
  key TEXT PRIMARY KEY,
  job_uuid TEXT,
  job_number TEXT,
  client TEXT,
  -- ready: the job is (or is becoming) a Stripe invoice; not_sent: it is not, see reason.
  plan_state TEXT NOT NULL CHECK (plan_state IN ('ready', 'not_sent', 'needs_approval')),
  -- Why, as a code the pair re-checks (client_unlinked …) and in words.
  reason_code TEXT,
  reason TEXT,
  stripe_invoice_id TEXT,
  servicem8_total_cents INTEGER,
  servicem8_gst_cents INTEGER,
  -- Any difference between the sides' totals or GST, in words (a 1-cent gap included).
  difference TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX invoice_jobs_by_state ON invoice_jobs (plan_state);
`;
