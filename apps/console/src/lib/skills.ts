import type { Skill } from '@hallq/shared';

/** Tiers the console offers for a window's skill: primary, secondary, fallback (the server accepts up to 9). */
export const TIERS = [1, 2, 3] as const;

/** A window's skills after setting one service's tier (0 = not served); the others keep their order. */
export function withTier(skills: ReadonlyArray<Skill>, serviceId: string, tier: number): Skill[] {
  if (tier <= 0) return skills.filter((k) => k.serviceId !== serviceId);
  return skills.some((k) => k.serviceId === serviceId)
    ? skills.map((k) => (k.serviceId === serviceId ? { serviceId, tier } : k))
    : [...skills, { serviceId, tier }];
}
