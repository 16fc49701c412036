import { config, service } from '../../lib/fixtures.test-util';
import { activeServiceGroups, defaultTransferStage, transferGroups } from './transfer-choices';

const hall = () => ({
  ...config([
    service('a', { moduleId: 'm2' }),
    service('b', { moduleId: 'm1' }),
    service('c', { moduleId: 'm2', active: false }),
    service('d', { moduleId: 'gone' }),
    service('e', { moduleId: 'm1' }),
  ]),
  modules: [
    { id: 'm1', name: { zh: '商事登记', en: 'Business registration' } },
    { id: 'm2', name: { zh: '单一事项', en: 'Single items' } },
    { id: 'm3', name: { zh: '综合咨询', en: 'Consultation' } },
  ],
});
const ids = (groups: ReturnType<typeof transferGroups>) => groups.map((g) => [g.moduleId, g.services.map((s) => s.id)]);

describe('transfer choices', () => {
  it('groups active services by module in the hall order, unknown modules last, empty modules left out', () => {
    expect(ids(transferGroups(hall(), 'a'))).toEqual([
      ['m1', ['b', 'e']],
      ['m2', ['a']],
      ['', ['d']],
    ]);
    expect(transferGroups(hall(), 'a')[2]!.name).toBeNull();
  });

  it("offers the ticket's own service even when it is no longer active", () => {
    expect(ids(transferGroups(hall(), 'c'))).toEqual([
      ['m1', ['b', 'e']],
      ['m2', ['a', 'c']],
      ['', ['d']],
    ]);
  });

  it('issuing a ticket offers the active services grouped the same way, and no inactive one', () => {
    expect(ids(activeServiceGroups(hall()))).toEqual([
      ['m1', ['b', 'e']],
      ['m2', ['a']],
      ['', ['d']],
    ]);
  });

  it('goes to the next stage of the same service by default, else to the first', () => {
    const h = { ...hall(), services: [service('a'), service('one', { stages: [{ name: { zh: '办理', en: 'Service' }, officersOnly: false }] })] };
    expect(defaultTransferStage(h, 'a', 0)).toBe(1);
    expect(defaultTransferStage(h, 'a', 1)).toBe(0);
    expect(defaultTransferStage(h, 'one', 0)).toBe(0);
    expect(defaultTransferStage(h, 'unknown', 0)).toBe(0);
  });
});
