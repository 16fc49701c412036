// The counter's "issue a ticket for a visitor" on a phone (390x844) and on a desk's wide screen
// (1920x1080), in Chinese and English: the services are a list of choices grouped by module, as
// in the transfer dialog, so a very long Chinese name is shown whole (a drop-down cut it at its
// edge); the card passes the audit and is laid out whole; choosing the long service and issuing
// gives a ticket of that service.
import { screenshot } from '../support';
import { layoutProblems, LANDSCAPE, PHONE } from './audit';
import { langQuery, LONG_EN, LONG_ZH, useConsoleAudit } from './console-sizes';

jest.setTimeout(300_000);

const hall = useConsoleAudit({ windows: [1] });

test.each(['zh', 'en'])('in %s: services grouped by module, the long name whole, a ticket of the chosen service', async (lang) => {
  const config = await hall.server.api<{ modules: Array<{ id: string; name: { zh: string; en: string } }>; services: Array<{ moduleId: string; active: boolean }> }>('GET', '/halls/demo', undefined, hall.admin);
  const modulesOffered = config.body.modules.filter((m) => config.body.services.some((s) => s.active && s.moduleId === m.id));
  const page = await hall.signIn('w01', { viewport: PHONE, path: `/console/counter${langQuery(lang)}` });
  const card = page.locator('section.issue');
  await card.getByTestId('issue-services').waitFor();
  expect(await card.locator('select[name="issue-service"]').count()).toBe(0);
  // One group per module with an active service, named as the module, in the hall's order.
  const groups = card.getByTestId('issue-services').getByRole('group');
  expect(await groups.count()).toBe(modulesOffered.length);
  const pick = (t: { zh: string; en: string }): string => (lang === 'en' ? t.en : t.zh);
  expect(await groups.locator('.transfer-module').allTextContents()).toEqual(modulesOffered.map((m) => pick(m.name)));
  const long = card.getByTestId('issue-service-LONG1');
  const longName = lang === 'en' ? LONG_EN : LONG_ZH;
  // The radio is named by its whole label: the long name is read out and shown in full.
  await page.getByRole('radio', { name: longName }).waitFor();

  for (const size of [PHONE, LANDSCAPE]) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const name = `${lang} counter issue card @${size.name}`;
    // The card in view (the counter page scrolls), the long service in view within its list.
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await long.scrollIntoViewIfNeeded();
    await hall.check(page, name, [size]);
    hall.report(...(await layoutProblems(page, 'section.issue', name)));
    const cut = await long.evaluate((input) => {
      const text = input.closest('label')!.querySelector<HTMLElement>('.service-name')!;
      return text.scrollWidth > text.clientWidth + 1 || text.getBoundingClientRect().right > input.closest('section')!.getBoundingClientRect().right + 1;
    });
    if (cut) hall.report(`${name}: the long service name is cut`);
    await screenshot(page, `counter-issue-services-${lang}-${size.name}`);
  }

  await long.check();
  await card.locator('button[type="submit"]').click();
  const issued = card.getByTestId('issued');
  await issued.waitFor();
  const number = /Z\d+/.exec((await issued.textContent()) ?? '')?.[0];
  expect(number).toBeDefined();
  const queue = await hall.server.api<{ waiting: Array<{ number: string; serviceId: string }> }>('GET', '/halls/demo/queue', undefined, hall.admin);
  expect(queue.body.waiting.find((t) => t.number === number)?.serviceId).toBe(hall.serviceId);
  await page.context().close();
});
