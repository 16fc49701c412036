// The simulate command's outputs on random valid scenarios (fast-check, small): the report, the
// before/after comparison with the planner, and the --plan report print without throwing, and
// their JSON holds no NaN or infinity (JSON would turn them into null).
import fc from 'fast-check';
import { parseScenario } from '@hallq/simulation';
// eslint-disable-next-line hallq/layers -- test only: the same random scenarios as the simulator's property test, not a runtime import
import { arbitraryScenario } from '../../../packages/simulation/src/scenario-arbitrary.test-util';
import { beforeAndAfter, sideBySide } from './compare';
import { planReport, scenarioPlan } from './plan-report';
import { simulationReport } from './report';

const noNonFinite = (value: unknown): boolean => {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(noNonFinite);
  if (value && typeof value === 'object') return Object.values(value).every(noNonFinite);
  return true;
};

test('report, before/after and --plan on random valid scenarios', () => {
  fc.assert(
    fc.property(arbitraryScenario, (input) => {
      const s = parseScenario({ ...input, hours: Math.min(input.hours, 1), replications: 1, staffing: input.staffing ?? { maxServicesPerPerson: 2 } });
      const result = beforeAndAfter(s);
      expect(noNonFinite(result)).toBe(true);
      expect(simulationReport(s, sideBySide(result), result.plan)).toContain(s.name);
      const plan = scenarioPlan(s);
      expect(noNonFinite(plan)).toBe(true);
      expect(planReport(plan)).toContain('Staffing plan');
    }),
    { numRuns: 15, seed: 11 },
  );
});
