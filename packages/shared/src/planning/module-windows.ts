// The skills of the first-cut staffing plan (first-cut.ts): the windows each module needs (its
// services pooled), what each window carries (its module's services tier 1; tier 2 the services
// of the other modules seated in the same zone, so neighbours help at peaks, and whatever the
// existing window already serves) and which existing window could take it (one already carrying
// the module at tier 1, then one in the module's zone, then any). Pure.
import type { Skill } from '../domain';
import type { SuggestedWindow } from './plan-types';

export interface PlanWindow {
  id: string;
  number: number;
  zone: string;
  skills: readonly Skill[];
}

export interface SkillPlanInput {
  /** Service id -> module id, for the services in the plan (in catalogue order). */
  services: ReadonlyArray<{ id: string; moduleId: string }>;
  windows: readonly PlanWindow[];
  /** Per hour of day (index), windows needed per module. */
  windowsByModule: ReadonlyArray<Record<string, number>>;
}

/** Contiguous [from, to) intervals of a set of hours of day. */
export function intervalsOf(hours: readonly number[]): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  for (const h of [...hours].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last.to === h) last.to = h + 1;
    else out.push({ from: h, to: h + 1 });
  }
  return out;
}

/** The zone where most windows carry one of the module's services at tier 1. */
function zoneOf(moduleServices: ReadonlySet<string>, windows: readonly PlanWindow[]): string | null {
  const votes = new Map<string, number>();
  for (const w of windows) if (w.skills.some((k) => k.tier === 1 && moduleServices.has(k.serviceId))) votes.set(w.zone, (votes.get(w.zone) ?? 0) + 1);
  let best: string | null = null;
  for (const [zone, n] of votes) if (best === null || n > votes.get(best)! || (n === votes.get(best)! && zone < best)) best = zone;
  return best;
}

export function suggestSkills(input: SkillPlanInput): SuggestedWindow[] {
  const modules: string[] = [];
  const servicesOf = new Map<string, string[]>();
  for (const s of input.services) {
    if (!servicesOf.has(s.moduleId)) {
      modules.push(s.moduleId);
      servicesOf.set(s.moduleId, []);
    }
    servicesOf.get(s.moduleId)!.push(s.id);
  }
  const peak = (m: string): number => Math.max(0, ...input.windowsByModule.map((h) => h[m] ?? 0));
  const zone = new Map(modules.map((m) => [m, zoneOf(new Set(servicesOf.get(m)), input.windows)]));
  // Busiest module first (the order of the slots).
  const order = modules.filter((m) => peak(m) > 0).sort((a, b) => peak(b) - peak(a) || modules.indexOf(a) - modules.indexOf(b));

  const out: SuggestedWindow[] = [];
  for (const m of order) {
    const z = zone.get(m) ?? null;
    const tier2 = z === null ? [] : modules.filter((o) => o !== m && zone.get(o) === z).flatMap((o) => servicesOf.get(o)!);
    for (let k = 0; k < peak(m); k++) {
      const hours = input.windowsByModule.flatMap((h, hour) => ((h[m] ?? 0) > k ? [hour] : []));
      out.push({ slot: out.length + 1, moduleId: m, zone: z, windowId: null, windowNumber: null, open: intervalsOf(hours), openHours: hours.length, tier1: [...servicesOf.get(m)!], tier2 });
    }
  }
  // Existing windows: first to slots of a module they already carry at tier 1 (most of its
  // services first), then to the remaining slots in the module's zone, then anywhere; lowest
  // number first.
  const free = new Map(input.windows.map((w) => [w.id, w]));
  const carries = (w: PlanWindow, slot: SuggestedWindow): number => w.skills.filter((k) => k.tier === 1 && slot.tier1.includes(k.serviceId)).length;
  const assign = (slot: SuggestedWindow, eligible: (w: PlanWindow) => boolean): void => {
    const pick = [...free.values()]
      .filter(eligible)
      .sort((a, b) => carries(b, slot) - carries(a, slot) || a.number - b.number)[0];
    if (!pick) return;
    free.delete(pick.id);
    slot.windowId = pick.id;
    slot.windowNumber = pick.number;
  };
  for (const slot of out) assign(slot, (w) => carries(w, slot) > 0);
  for (const slot of out) if (slot.windowId === null) assign(slot, (w) => w.zone === slot.zone);
  for (const slot of out) if (slot.windowId === null) assign(slot, () => true);
  // Tier 2 also keeps what the existing window's staff already serve (the hall's cross-training).
  const planned = new Set(input.services.map((s) => s.id));
  const byId = new Map(input.windows.map((w) => [w.id, w]));
  for (const slot of out) {
    const kept = (slot.windowId ? byId.get(slot.windowId)!.skills : []).map((k) => k.serviceId).filter((id) => planned.has(id));
    slot.tier2 = input.services.map((s) => s.id).filter((id) => !slot.tier1.includes(id) && (slot.tier2.includes(id) || kept.includes(id)));
  }
  return out;
}
