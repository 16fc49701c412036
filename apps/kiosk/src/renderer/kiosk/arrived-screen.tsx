import type { Translate } from '../i18n';

interface Props {
  t: Translate;
  number: string;
  onDone: () => void;
}

/** A ticket taken from home is now marked as arrived: it will be called in its place. */
export function ArrivedScreen({ t, number, onDone }: Props) {
  return (
    <main className="screen ticket-screen" data-testid="arrived-screen">
      <h2 className="ticket-label">{t('arrivedTitle')}</h2>
      <p className="ticket-number" data-testid="arrived-number">
        {number}
      </p>
      <p className="ticket-service">{t('arrivedDetail')}</p>
      <button type="button" className="primary-button" data-testid="done" onClick={onDone}>
        {t('done')}
      </button>
    </main>
  );
}
