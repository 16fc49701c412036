// Appointments booked ahead (by an appointment portal or at the desk) and checked in at a kiosk
// with their code; a checked-in ticket keeps the appointment's time for routing (due appointments).
export const sql = `
CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  hall_id TEXT NOT NULL REFERENCES halls(id),
  code TEXT NOT NULL,
  service_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  service_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'booked',
  ticket_id TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (hall_id, code)
);
CREATE INDEX appointments_day ON appointments(hall_id, service_date);
`;
