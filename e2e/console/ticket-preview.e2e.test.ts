// The admin's ticket preview is the printer's own layout, redrawn as the hall name is typed.
import { useHallAndBrowser } from '../support';

const world = useHallAndBrowser();

test('hall settings show the printed layout with the name being typed, before it is saved', async () => {
  const page = await world.signIn('admin', { path: '/console/admin/hall' });
  const preview = page.getByTestId('ticket-preview-svg');
  await preview.waitFor();
  await page.fill('input[name=hall-nameZh]', '光谷政务服务中心');
  await page.waitForFunction(
    () => decodeURIComponent(document.querySelector<HTMLImageElement>('[data-testid=ticket-preview-svg]')?.src ?? '').includes('光谷政务服务中心'),
  );
  const src = decodeURIComponent((await preview.getAttribute('src')) ?? '');
  expect(src).toContain('<svg');
  expect(src).toMatch(/A001|B001|C001|D001|E001/);
  // Nothing was saved: the hall keeps its name until the admin presses save.
  const hall = await world.server.api<{ name: { zh: string } }>('GET', '/halls/demo', undefined, await world.server.login('admin'));
  expect(hall.body.name.zh).toBe('东湖高新区政务服务大厅');
});
