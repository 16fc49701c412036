import fc from 'fast-check';
import { CreateTicketBody, HallPatch, LoginBody, RatingBody, ResumeMessage, ServiceBody, TransferBody } from './schemas';
import { maskPhone } from './domain';

const anyJson = fc.jsonValue();

describe('request validation', () => {
  test('strict bodies: an unknown field is refused, never silently dropped', () => {
    expect(CreateTicketBody.safeParse({ serviceId: 's', extra: 1 }).success).toBe(false);
    expect(LoginBody.safeParse({ username: 'a', password: 'b', role: 'admin' }).success).toBe(false);
  });

  test('random JSON never passes as a ticket request unless it has exactly the right shape', () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        const r = CreateTicketBody.safeParse(value);
        if (r.success) {
          expect(typeof r.data.serviceId).toBe('string');
          expect(Object.keys(value as object).every((k) => ['serviceId', 'priority', 'appointmentCode', 'lang'].includes(k))).toBe(true);
        }
      }),
    );
  });

  test('valid ticket requests always pass', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            serviceId: fc.string({ minLength: 1, maxLength: 64 }),
            priority: fc.boolean(),
            lang: fc.constantFrom('zh' as const, 'en' as const),
          },
          { requiredKeys: ['serviceId'] },
        ),
        (body) => expect(CreateTicketBody.safeParse(body).success).toBe(true),
      ),
    );
  });

  test('a bad rating (4 or 5) needs a reason; levels outside 1..5 are refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 10 }), fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), (level, reason) => {
        const ok = RatingBody.safeParse(reason === undefined ? { level } : { level, reason }).success;
        const expected = level >= 1 && level <= 5 && (level < 4 || (reason !== undefined && reason.trim().length > 0));
        expect(ok).toBe(expected);
      }),
    );
  });

  test('wrong types are refused with the field path', () => {
    const r = TransferBody.safeParse({ serviceId: 5, stage: 'two' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['serviceId', 'stage']);
    expect(ResumeMessage.safeParse({ hallId: 'demo', afterSeq: -1 }).success).toBe(false);
  });

  test('service prefix is one capital letter; the announcement template must contain {number}', () => {
    const base = { code: 'X1', name: { zh: '事项', en: 'Item' }, moduleId: 'm' };
    expect(ServiceBody.safeParse({ ...base, prefix: 'A' }).success).toBe(true);
    expect(ServiceBody.safeParse({ ...base, prefix: 'AB' }).success).toBe(false);
    expect(ServiceBody.safeParse({ ...base, prefix: 'a' }).success).toBe(false);
    expect(HallPatch.safeParse({ announcementTemplate: '请到{window}号窗口' }).success).toBe(false);
    expect(HallPatch.safeParse({ announcementTemplate: '请{number}号到{window}号窗口办理' }).success).toBe(true);
  });
});

describe('privacy', () => {
  test('phone numbers are masked: 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    fc.assert(
      fc.property(fc.stringMatching(/^1\d{10}$/), (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toHaveLength(11);
        expect(masked.slice(3, 7)).toBe('****');
      }),
    );
  });
});
