// The city's store. Times are ms since the epoch (bigint), as in the hall's own log, so the KPI
// definitions in packages/shared run unchanged on both.
export const up = `
CREATE TABLE halls (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  district TEXT,
  lat DOUBLE PRECISION,
  lng DOUBLE PRECISION,
  token_hash TEXT NOT NULL UNIQUE,
  ack_seq BIGINT NOT NULL DEFAULT 0,
  last_event_at BIGINT,
  last_contact_at BIGINT,
  timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
  wait_target_seconds INTEGER NOT NULL DEFAULT 2400,
  public_url TEXT,
  created_at BIGINT NOT NULL
);

CREATE TABLE hall_services (
  hall_id TEXT NOT NULL REFERENCES halls(id),
  service_id TEXT NOT NULL,
  name JSONB NOT NULL DEFAULT '{}'::jsonb,
  wait_target_seconds INTEGER,
  estimated_wait_seconds INTEGER,
  PRIMARY KEY (hall_id, service_id)
);

CREATE TABLE events (
  hall_id TEXT NOT NULL REFERENCES halls(id),
  seq BIGINT NOT NULL,
  type TEXT NOT NULL,
  at BIGINT NOT NULL,
  actor JSONB NOT NULL,
  payload JSONB NOT NULL,
  PRIMARY KEY (hall_id, seq)
);
CREATE INDEX events_type_at ON events (type, at);

-- Tickets waiting now, per hall and service: the "which hall now" figures, kept by ingest.
CREATE TABLE waiting_tickets (
  hall_id TEXT NOT NULL REFERENCES halls(id),
  ticket_id TEXT NOT NULL,
  service_id TEXT NOT NULL,
  PRIMARY KEY (hall_id, ticket_id)
);

CREATE TABLE city_staff (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'viewer')),
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE city_sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES city_staff(id),
  expires_at BIGINT NOT NULL
);
`;
