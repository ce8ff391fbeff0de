// The pair kit: outbox payloads carry the version of their format (a row written by
// another build is refused, not applied blindly), and subjects a waiting write kept
// a pair from planning get a table of their own instead of JSON inside a cursor.
export const up = `
ALTER TABLE outbox ADD COLUMN payload_version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE deferred_subjects (
  entity TEXT NOT NULL,
  side TEXT NOT NULL CHECK (side IN ('servicem8', 'stripe')),
  subject_id TEXT NOT NULL,
  deferred_at TEXT NOT NULL,
  PRIMARY KEY (entity, side, subject_id)
);

-- Deferred subjects of the clients pair, kept until now as JSON in the cursors table.
INSERT OR IGNORE INTO deferred_subjects (entity, side, subject_id, deferred_at)
  SELECT 'client', 'servicem8', j.value, c.updated_at FROM cursors c, json_each(c.value, '$.servicem8') j
  WHERE c.name = 'client.deferred' AND json_valid(c.value);
INSERT OR IGNORE INTO deferred_subjects (entity, side, subject_id, deferred_at)
  SELECT 'client', 'stripe', j.value, c.updated_at FROM cursors c, json_each(c.value, '$.stripe') j
  WHERE c.name = 'client.deferred' AND json_valid(c.value);
DELETE FROM cursors WHERE name = 'client.deferred';

-- The Stripe customers cursor becomes the one events cursor every pair shares.
INSERT OR IGNORE INTO cursors (name, value, updated_at)
  SELECT 'feed.stripe.events', value, updated_at FROM cursors WHERE name = 'stripe.customers';
DELETE FROM cursors WHERE name = 'stripe.customers';
`;
