// The 好差评 follow-up workflow: every step (assign, call back, rectify, review, close) is one
// append-only row with its actor and time; the follow-up row keeps the current status, assignee
// and how it was closed, for listing and for the rectification rate.
export const sql = `
CREATE TABLE follow_up_steps (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  follow_up_id TEXT NOT NULL REFERENCES follow_ups(id),
  hall_id TEXT NOT NULL,
  action TEXT NOT NULL,
  at INTEGER NOT NULL,
  actor_id TEXT,
  assignee_id TEXT,
  note TEXT
);
CREATE INDEX follow_up_steps_of ON follow_up_steps(follow_up_id, id);

ALTER TABLE follow_ups ADD COLUMN assignee_id TEXT;
ALTER TABLE follow_ups ADD COLUMN closed_at INTEGER;
ALTER TABLE follow_ups ADD COLUMN rectified INTEGER;
CREATE INDEX follow_ups_hall_status ON follow_ups(hall_id, status);
`;
