// An admin edits a staff account in place (name, role, organisation, allowed windows) and the
// server keeps it; demoting the hall's last admin is refused and the console says why in words.
import type { StaffMember } from '@hallq/shared';
import { useHallAndBrowser } from '../support';

const world = useHallAndBrowser();

describe('staff accounts in the console', () => {
  it('edits name, role and allowed windows in place; refuses to demote the last admin', async () => {
    const page = await world.signIn('admin', { path: '/console/admin/staff' });
    await page.getByTestId('edit-w05').click();
    const row = page.getByTestId('staff-edit-w05');
    await row.locator('input[name=edit-name]').fill('王五');
    await row.locator('select[name=edit-role]').selectOption('helper');
    await row.locator('input[name=edit-windows]').fill('5, 6');
    await row.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('staff-w05').filter({ hasText: '王五' }).waitFor();
    const admin = await world.server.login('admin');
    const list = (await world.server.api<{ staff: StaffMember[] }>('GET', '/halls/demo/staff', undefined, admin)).body.staff;
    expect(list.find((s) => s.username === 'w05')).toMatchObject({ name: '王五', role: 'helper', windowNumbers: [5, 6] });

    await page.getByTestId('edit-admin').click();
    await page.getByTestId('staff-edit-admin').locator('select[name=edit-role]').selectOption('supervisor');
    await page.getByTestId('staff-edit-admin').getByRole('button', { name: '保存' }).click();
    await page.getByText('最后一位在用的管理员').waitFor();
    const after = (await world.server.api<{ staff: StaffMember[] }>('GET', '/halls/demo/staff', undefined, admin)).body.staff;
    expect(after.find((s) => s.username === 'admin')?.role).toBe('admin');
  });
});
