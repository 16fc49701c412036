import { useState } from 'react';
import type { KioskBridge } from '../../shared/kiosk-bridge';
import { maskName } from '../common/format';
import type { Translate } from '../i18n';

interface Props {
  t: Translate;
  /** The Electron bridge when this kiosk has an ID card reader; null hides the button. */
  bridge: KioskBridge | null;
}

/**
 * Booking check-in with the ID card: the reader's name greets the visitor (masked) while they
 * type their booking code. The name stays on this screen only: it is not sent to the server,
 * not stored, and is gone when the kiosk goes back to its start screen.
 */
export function IdCardGreeting({ t, bridge }: Props) {
  const [name, setName] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  if (!bridge) return null;
  if (name) {
    return (
      <p className="id-card-greeting" data-testid="id-card-name">
        {t('idCardHello', { name: maskName(name) })}
      </p>
    );
  }
  return (
    <div className="id-card-greeting">
      <button
        type="button"
        className="secondary-button"
        data-testid="id-card-read"
        onClick={() => {
          setMissing(false);
          bridge.readIdCard().then(
            (card) => (card ? setName(card.name) : setMissing(true)),
            () => setMissing(true),
          );
        }}
      >
        {t('idCardRead')}
      </button>
      {missing && <p role="status">{t('idCardNone')}</p>}
    </div>
  );
}
