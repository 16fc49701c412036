// Tomorrow simulated (POST planning/tomorrow) and the skills matrix the supervisor edits: which
// window takes which service at which tier. Pure helpers for the page and its tests.
import type { HallWindow, Skill, SkillsMatrix, TomorrowSimulation } from '@hallq/shared';
import { withTier } from '../../lib/skills';

export type { SkillsMatrix } from '@hallq/shared';
export type TomorrowResponse = TomorrowSimulation;

export function matrixOf(windows: ReadonlyArray<Pick<HallWindow, 'id' | 'skills'>>): SkillsMatrix {
  return Object.fromEntries(windows.map((w) => [w.id, w.skills.map((k) => ({ ...k }))]));
}

/** The tier a window gives a service, 0 = none. */
export function tierOf(m: SkillsMatrix, windowId: string, serviceId: string): number {
  return m[windowId]?.find((k) => k.serviceId === serviceId)?.tier ?? 0;
}

/** Sets (tier > 0) or removes (0) one cell; the window's other skills keep their order. */
export function setTier(m: SkillsMatrix, windowId: string, serviceId: string, tier: number): SkillsMatrix {
  return { ...m, [windowId]: withTier(m[windowId] ?? [], serviceId, tier) };
}

const key = (skills: readonly Skill[]): string => JSON.stringify([...skills].sort((a, b) => a.serviceId.localeCompare(b.serviceId)));

/** Windows whose skills differ from `base` (what applying would change). */
export function changedWindows(base: SkillsMatrix, edited: SkillsMatrix): SkillsMatrix {
  return Object.fromEntries(Object.entries(edited).filter(([id, skills]) => key(skills) !== key(base[id] ?? [])));
}

/** Windows left with no skill at all (they could not be applied). */
export function emptyWindows(m: SkillsMatrix): string[] {
  return Object.entries(m)
    .filter(([, skills]) => skills.length === 0)
    .map(([id]) => id);
}
