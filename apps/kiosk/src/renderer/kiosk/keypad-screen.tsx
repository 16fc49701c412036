import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Lang, Service } from '@hallq/shared';
import type { Translate } from '../i18n';
import { localized } from '../i18n';

interface Props {
  t: Translate;
  lang: Lang;
  /** The service chosen first (check-in by service); absent when the code alone says it. */
  service?: Service;
  busy: boolean;
  disabled: boolean;
  onSubmit: (code: string) => void;
  /** Offered under the keypad: scan the booking's QR instead of typing. */
  onScan?: () => void;
  /** Shown under the title, inside the screen's main region (the ID card reader's greeting). */
  greeting?: ReactNode;
}

const MAX_DIGITS = 12;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'delete'] as const;

/** Appointment check-in: a big numeric keypad for the code the visitor received when booking. */
export function KeypadScreen({ t, lang, service, busy, disabled, onSubmit, onScan, greeting }: Props) {
  const [code, setCode] = useState('');
  const press = (key: (typeof KEYS)[number]): void => {
    if (key === 'clear') setCode('');
    else if (key === 'delete') setCode((c) => c.slice(0, -1));
    else setCode((c) => (c.length < MAX_DIGITS ? c + key : c));
  };
  return (
    <main className="screen keypad-screen">
      <h2 className="screen-title">{t('checkinTitle')}</h2>
      {greeting}
      {service ? <p className="keypad-service">{localized(service.name, lang)}</p> : <p className="keypad-service">{t('checkinCodeHint')}</p>}
      <output className="code-display" data-testid="code-display" aria-live="polite">
        {code || '\u00a0'}
      </output>
      <div className="keypad">
        {KEYS.map((key) => (
          <button type="button" key={key} className={`key key-${key}`} data-testid={`key-${key}`} onClick={() => press(key)}>
            {key === 'clear' ? t('keypadClear') : key === 'delete' ? t('keypadDelete') : key}
          </button>
        ))}
      </div>
      <div className="keypad-actions">
        <button type="button" className="primary-button" data-testid="checkin-submit" disabled={disabled || busy || code.length === 0} onClick={() => onSubmit(code)}>
          {busy ? t('taking') : t('checkinSubmit')}
        </button>
        {onScan && (
          <button type="button" className="secondary-button" data-testid="checkin-scan" disabled={disabled || busy} onClick={onScan}>
            {t('scanInstead')}
          </button>
        )}
      </div>
    </main>
  );
}
