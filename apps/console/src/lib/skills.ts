/** Tiers the console offers for a window's skill: primary, secondary, fallback (the server accepts up to 9). */
export const TIERS = [1, 2, 3];
