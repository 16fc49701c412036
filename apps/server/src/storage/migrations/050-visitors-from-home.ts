// Visitors from home: bookings made on the public hall page (slot end, optional contact), remote
// tickets (arrival and passed-over times) and the Web Push subscriptions of visitors' phones.
export const sql = `
ALTER TABLE appointments ADD COLUMN end_at INTEGER;
ALTER TABLE appointments ADD COLUMN contact TEXT;
CREATE INDEX appointments_slot ON appointments(hall_id, service_id, at);

ALTER TABLE tickets ADD COLUMN remote INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN arrived_at INTEGER;
ALTER TABLE tickets ADD COLUMN passed_over_at INTEGER;

CREATE TABLE push_subscriptions (
  ticket_id TEXT NOT NULL REFERENCES tickets(id),
  endpoint TEXT NOT NULL,
  p256dh TEXT NOT NULL,
  auth TEXT NOT NULL,
  ahead_threshold INTEGER NOT NULL,
  notified_ahead INTEGER NOT NULL DEFAULT 0,
  notified_called INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, endpoint)
);
`;
