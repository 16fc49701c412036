import type { Translate } from '../i18n';
import { QrScanner } from './qr-scanner';

interface Props {
  t: Translate;
  busy: boolean;
  onCode: (text: string) => void;
}

/** Show the booking's QR, or the QR of a ticket taken from home, to the kiosk's camera. */
export function ScanScreen({ t, busy, onCode }: Props) {
  return (
    <main className="screen scan-screen" data-testid="scan-screen">
      <h2 className="screen-title">{t('scanTitle')}</h2>
      {busy ? <p className="busy" role="status">{t('taking')}</p> : <QrScanner t={t} onCode={onCode} />}
    </main>
  );
}
