import { parseScanned } from './scanned-code';

describe('what a scanned QR or typed code stands for', () => {
  test('a booking code, typed or in the public hall link', () => {
    expect(parseScanned('12345678')).toEqual({ kind: 'booking', code: '12345678' });
    expect(parseScanned(' https://hall.example/h/demo?booking=87654321 ')).toEqual({ kind: 'booking', code: '87654321' });
  });
  test('a ticket taken from home, by its status link', () => {
    expect(parseScanned('http://10.0.0.2:3000/t/AbCdEfGhIjKlMnOpQrStUv')).toEqual({ kind: 'remote', publicId: 'AbCdEfGhIjKlMnOpQrStUv' });
  });
  test('anything else is unknown', () => {
    for (const text of ['', 'hello', 'https://x.example/t/short', 'https://x.example/h/demo?booking=abc', '12']) {
      expect(parseScanned(text)).toEqual({ kind: 'unknown' });
    }
  });
});
