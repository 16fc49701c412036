// Generated history loaded by the demo mode: which days it covers and what it is, so the console
// can say the figures are generated and open the reports on its before/after comparison.
export const sql = `
CREATE TABLE demo_history (
  hall_id TEXT PRIMARY KEY REFERENCES halls(id),
  note TEXT NOT NULL,
  before_from TEXT NOT NULL,
  before_to TEXT NOT NULL,
  after_from TEXT NOT NULL,
  after_to TEXT NOT NULL,
  visitors INTEGER NOT NULL,
  loaded_at INTEGER NOT NULL
);
`;
