import { withTier } from './skills';

describe('withTier: one cell of a window\'s skills', () => {
  const skills = [{ serviceId: 'a', tier: 1 }, { serviceId: 'b', tier: 2 }];

  it('changes a tier in place, so the primary skill stays first', () => {
    expect(withTier(skills, 'a', 3)).toEqual([{ serviceId: 'a', tier: 3 }, { serviceId: 'b', tier: 2 }]);
  });

  it('adds a new service at the end and removes one at tier 0', () => {
    expect(withTier(skills, 'c', 1)).toEqual([...skills, { serviceId: 'c', tier: 1 }]);
    expect(withTier(skills, 'a', 0)).toEqual([{ serviceId: 'b', tier: 2 }]);
    expect(withTier(skills, 'c', 0)).toEqual(skills);
  });

  it('leaves the given skills untouched', () => {
    withTier(skills, 'a', 0);
    expect(skills).toEqual([{ serviceId: 'a', tier: 1 }, { serviceId: 'b', tier: 2 }]);
  });
});
