import { can, homePath, staffTypeOf } from './roles';

describe('role gating mirrors the server', () => {
  it('lets officers and helpers use the counter but not the board or administration', () => {
    for (const role of ['officer', 'helper'] as const) {
      expect(can(role, 'counter')).toBe(true);
      expect(can(role, 'board')).toBe(false);
      expect(can(role, 'admin')).toBe(false);
      expect(can(role, 'read-config')).toBe(false);
    }
  });
  it('gives the supervisor the board, its live adjustments and read access, but no administration', () => {
    expect(can('supervisor', 'board')).toBe(true);
    expect(can('supervisor', 'board-actions')).toBe(true);
    expect(can('supervisor', 'read-config')).toBe(true);
    expect(can('supervisor', 'admin')).toBe(false);
  });
  it('gives the admin everything and nobody anything without a role', () => {
    expect(can('admin', 'admin')).toBe(true);
    expect(can('admin', 'board')).toBe(true);
    expect(can(null, 'counter')).toBe(false);
  });
  it('lands each role on its page', () => {
    expect(homePath('helper')).toBe('/counter');
    expect(homePath('supervisor')).toBe('/board');
    expect(homePath('admin')).toBe('/admin/services');
  });
  it('treats only helpers as helpers at a window (the negative list)', () => {
    expect(staffTypeOf('helper')).toBe('helper');
    expect(staffTypeOf('officer')).toBe('officer');
    expect(staffTypeOf('supervisor')).toBe('officer');
  });
});
