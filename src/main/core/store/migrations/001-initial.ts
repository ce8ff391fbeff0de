// The first schema: everything the sync engine of DESIGN.md needs. Times are UTC
// ISO-8601 strings; money never appears here as floats (records are JSON with cents).
export const up = `
CREATE TABLE links (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  servicem8_id TEXT NOT NULL,
  stripe_id TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'archived', 'broken')),
  servicem8_edited_at TEXT,
  stripe_edited_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (entity, servicem8_id),
  UNIQUE (entity, stripe_id)
);

-- The base of the three-way merge: field values both sides agreed on at the last sync.
CREATE TABLE snapshots (
  link_id INTEGER PRIMARY KEY REFERENCES links(id) ON DELETE CASCADE,
  fields_json TEXT NOT NULL,
  synced_at TEXT NOT NULL
);

-- Local mirror of both sides' records (canonical form), so matching and an idle
-- cycle cost no extra requests whatever the data size.
CREATE TABLE mirror (
  side TEXT NOT NULL CHECK (side IN ('servicem8', 'stripe')),
  object TEXT NOT NULL,
  id TEXT NOT NULL,
  record_json TEXT NOT NULL,
  edited_at TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  fetched_at TEXT NOT NULL,
  PRIMARY KEY (side, object, id)
);
CREATE INDEX mirror_by_edit ON mirror (side, object, edited_at);

CREATE TABLE cursors (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE sync_runs (
  id INTEGER PRIMARY KEY,
  trigger TEXT NOT NULL,
  dry_run INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'failed', 'interrupted')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  summary_json TEXT,
  error TEXT
);

-- Planned writes, persisted in the same transaction that advances the cursors.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES sync_runs(id),
  entity TEXT NOT NULL,
  target TEXT NOT NULL CHECK (target IN ('servicem8', 'stripe')),
  operation TEXT NOT NULL,
  link_id INTEGER REFERENCES links(id),
  subject_id TEXT,
  payload_json TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  priority INTEGER NOT NULL DEFAULT 100,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  result_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, priority, id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  run_id INTEGER,
  direction TEXT NOT NULL CHECK (direction IN ('servicem8_to_stripe', 'stripe_to_servicem8', 'local')),
  entity TEXT NOT NULL,
  operation TEXT NOT NULL,
  servicem8_id TEXT,
  stripe_id TEXT,
  before_json TEXT,
  after_json TEXT,
  idempotency_key TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failed', 'skipped')),
  message TEXT
);
CREATE INDEX audit_by_time ON audit_log (at);

CREATE TABLE conflicts (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  entity TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  link_id INTEGER REFERENCES links(id),
  servicem8_id TEXT,
  stripe_id TEXT,
  field TEXT,
  servicem8_value_json TEXT,
  stripe_value_json TEXT,
  servicem8_edited_at TEXT,
  stripe_edited_at TEXT,
  candidates_json TEXT,
  detail TEXT,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved', 'applied', 'dismissed')),
  resolution TEXT,
  resolution_value_json TEXT,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  applied_at TEXT
);
-- At most one open or resolved-but-unapplied conflict per subject and question.
CREATE UNIQUE INDEX conflicts_live ON conflicts (dedupe_key) WHERE state IN ('open', 'resolved');

CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  side TEXT NOT NULL CHECK (side IN ('servicem8', 'stripe')),
  object TEXT NOT NULL,
  record_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  raw_json TEXT,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  released_at TEXT,
  UNIQUE (side, object, record_id)
);

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  params_json TEXT NOT NULL,
  summary_json TEXT NOT NULL,
  body_json TEXT NOT NULL
);
CREATE INDEX reports_by_kind ON reports (kind, created_at);
`;
