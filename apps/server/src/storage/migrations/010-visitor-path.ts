// The visitor's path after a call: when the ticket was last recalled (a no-show is allowed after
// one recall even within the grace time), when it went back to the queue after a no-show (once
// only), and where it came from when it waits again after a transfer (told on the phone).
export const sql = `
ALTER TABLE tickets ADD COLUMN recalled_at INTEGER;
ALTER TABLE tickets ADD COLUMN requeued_at INTEGER;
ALTER TABLE tickets ADD COLUMN transferred_from_service TEXT;
ALTER TABLE tickets ADD COLUMN transferred_from_stage INTEGER;
`;
