// The module of each service a hall pushes with its catalogue: the city's stats by module.
export const up = `ALTER TABLE hall_services ADD COLUMN module_id TEXT;`;
