// A kiosk printer's warning (paper near end, no printer configured): it does not stop printing,
// so it is kept apart from the printer state.
export const sql = `
ALTER TABLE devices ADD COLUMN printer_warning TEXT;
`;
