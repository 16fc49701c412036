// What a QR shown at the kiosk's camera (or a code typed on its keypad) stands for: a booking
// made from home (its code, or the public hall link carrying `?booking=`) or a ticket taken from
// home (its status link /t/<publicId>), which the kiosk marks as arrived.
export type Scanned = { kind: 'booking'; code: string } | { kind: 'remote'; publicId: string } | { kind: 'unknown' };

const BOOKING_CODE = /^\d{4,12}$/;
const PUBLIC_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function parseScanned(text: string): Scanned {
  const value = text.trim();
  if (BOOKING_CODE.test(value)) return { kind: 'booking', code: value };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: 'unknown' };
  }
  const booking = url.searchParams.get('booking');
  if (booking !== null && BOOKING_CODE.test(booking)) return { kind: 'booking', code: booking };
  const m = /\/t\/([^/?#]+)\/?$/.exec(url.pathname);
  if (m && PUBLIC_ID.test(m[1]!)) return { kind: 'remote', publicId: m[1]! };
  return { kind: 'unknown' };
}
