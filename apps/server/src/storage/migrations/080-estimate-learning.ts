// What the wait estimator learns per service beyond its mean time: per stage, the mean and mean
// square of service times (their spread), and the share of called visitors who never came.
export const sql = `
CREATE TABLE service_stage_times (
  service_id TEXT NOT NULL REFERENCES services(id),
  stage INTEGER NOT NULL,
  mean_seconds REAL NOT NULL,
  mean_square REAL NOT NULL,
  PRIMARY KEY (service_id, stage)
);
ALTER TABLE services ADD COLUMN learned_no_show_share REAL;
`;
