// A person's choice about one job's invoice, made on the Invoices screen: "skip" (never
// bill this job in Stripe, reversible) or "send_now" (send it at the next sync even
// though the invoice trigger or a job filter holds it back). The invoices pair reads
// it when it plans the job; removing the row undoes the choice.
export const up = `
CREATE TABLE invoice_choices (
  job_uuid TEXT PRIMARY KEY,
  choice TEXT NOT NULL CHECK (choice IN ('skip', 'send_now')),
  decided_at TEXT NOT NULL
);
`;
