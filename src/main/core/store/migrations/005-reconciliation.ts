// Reconciliation: who each invoice is for (the ServiceM8 company uuid on ServiceM8 rows,
// the Stripe customer id on Stripe rows), so a hand-made Stripe invoice can be matched to
// the only job of the same customer with the same total; and a table of the findings
// still standing, so a later run knows what it saw before and since when. Each run's
// findings are kept as a report (kind 'reconciliation' in the reports table).
export const up = `
ALTER TABLE invoices ADD COLUMN client_id TEXT;
CREATE INDEX invoices_by_client ON invoices (side, client_id);

CREATE TABLE reconciliation_findings (
  finding_key TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  entity TEXT NOT NULL,
  servicem8_id TEXT,
  stripe_id TEXT,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  last_report_id INTEGER
);
`;
