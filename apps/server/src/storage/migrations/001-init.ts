// The initial schema. Times are integers (ms since epoch, UTC); configuration that is read and
// written whole lives in JSON `doc` columns, state the server queries or updates lives in columns.
export const sql = `
CREATE TABLE halls (
  id TEXT PRIMARY KEY,
  doc TEXT NOT NULL
);

CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  hall_id TEXT NOT NULL REFERENCES halls(id),
  doc TEXT NOT NULL
);

CREATE TABLE modules (
  id TEXT PRIMARY KEY,
  hall_id TEXT NOT NULL REFERENCES halls(id),
  doc TEXT NOT NULL
);

CREATE TABLE services (
  id TEXT PRIMARY KEY,
  hall_id TEXT NOT NULL REFERENCES halls(id),
  doc TEXT NOT NULL,
  learned_service_seconds REAL,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX services_hall ON services(hall_id);

CREATE TABLE windows (
  id TEXT PRIMARY KEY,
  hall_id TEXT NOT NULL REFERENCES halls(id),
  number INTEGER NOT NULL,
  zone TEXT NOT NULL DEFAULT '',
  skills TEXT NOT NULL DEFAULT '[]',
  state TEXT NOT NULL DEFAULT 'closed',
  staff_id TEXT,
  staff_type TEXT,
  pause_reason TEXT,
  current_ticket_id TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX windows_hall_number ON windows(hall_id, number) WHERE deleted = 0;

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  hall_id TEXT NOT NULL REFERENCES halls(id),
  username TEXT NOT NULL,
  doc TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX staff_username ON staff(username);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  revoked_at INTEGER
);

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  hall_id TEXT NOT NULL REFERENCES halls(id),
  token_hash TEXT NOT NULL UNIQUE,
  doc TEXT NOT NULL,
  printer_state TEXT,
  status_message TEXT,
  last_seen_at INTEGER,
  revoked INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0
);

-- Demo mode only: the demo devices' tokens in clear, so pages on loopback can pair after a restart.
CREATE TABLE demo_device_tokens (
  device_id TEXT PRIMARY KEY REFERENCES devices(id),
  kind TEXT NOT NULL,
  token TEXT NOT NULL
);

CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  hall_id TEXT NOT NULL REFERENCES halls(id),
  doc TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- Daily sequence per hall, local service date and prefix: services sharing a prefix share it.
CREATE TABLE ticket_counters (
  hall_id TEXT NOT NULL,
  service_date TEXT NOT NULL,
  prefix TEXT NOT NULL,
  last_value INTEGER NOT NULL,
  PRIMARY KEY (hall_id, service_date, prefix)
);

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  hall_id TEXT NOT NULL REFERENCES halls(id),
  public_id TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL,
  service_id TEXT NOT NULL,
  stage INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0,
  appointment_code TEXT,
  appointment_at INTEGER,
  lang TEXT NOT NULL DEFAULT 'zh',
  issued_at INTEGER NOT NULL,
  queued_at INTEGER NOT NULL,
  service_date TEXT NOT NULL,
  called_at INTEGER,
  started_at INTEGER,
  finished_at INTEGER,
  window_id TEXT,
  window_number INTEGER,
  staff_id TEXT,
  people_ahead INTEGER,
  estimated_wait_seconds INTEGER,
  first_time_accepted INTEGER,
  note TEXT,
  issued_by TEXT,
  UNIQUE (hall_id, service_date, number)
);
CREATE INDEX tickets_hall_status ON tickets(hall_id, status);
CREATE INDEX tickets_quota ON tickets(hall_id, service_id, service_date);

CREATE TABLE ratings (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets(id),
  hall_id TEXT NOT NULL,
  level INTEGER NOT NULL,
  reason TEXT,
  at INTEGER NOT NULL,
  by_kind TEXT NOT NULL,
  service_id TEXT NOT NULL,
  window_id TEXT,
  staff_id TEXT
);

CREATE TABLE follow_ups (
  id TEXT PRIMARY KEY,
  hall_id TEXT NOT NULL,
  ticket_id TEXT NOT NULL REFERENCES tickets(id),
  level INTEGER NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  deadline TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  steps TEXT NOT NULL DEFAULT '[]'
);

-- Append-only, gapless per hall; written in the same transaction as the change it records.
CREATE TABLE events (
  hall_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (hall_id, seq)
) WITHOUT ROWID;
CREATE INDEX events_hall_type_at ON events(hall_id, type, at);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  details TEXT
);
CREATE INDEX audit_hall_at ON audit_log(hall_id, at);

CREATE TABLE idempotency (
  scope TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT,
  at INTEGER NOT NULL
);
`;
