// The first answer to each Idempotency-Key, so a retried POST returns it and creates nothing new.
// `body` is sealed with a key derived from the caller's token and the Idempotency-Key, neither of
// which is stored: a copy of the database reveals no hall token an answer carried.
export const up = `
CREATE TABLE idempotency (
  scope TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  at BIGINT NOT NULL
);
`;
