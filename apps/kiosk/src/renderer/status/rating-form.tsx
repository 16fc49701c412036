import { useId, useState } from 'react';
import { RATING_LABELS, RATING_LEVELS, isBadRating } from '@hallq/shared';
import type { Lang, RatingLevel } from '@hallq/shared';
import type { Translate } from '../i18n';
import { localized } from '../i18n';

interface Props {
  t: Translate;
  lang: Lang;
  busy: boolean;
  onSubmit: (level: RatingLevel, reason?: string) => void;
}

/** 好差评: five levels; 不满意 and 非常不满意 need a reason before they can be sent. */
export function RatingForm({ t, lang, busy, onSubmit }: Props) {
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reason, setReason] = useState('');
  const headingId = useId();
  const bad = level !== null && isBadRating(level);
  const ready = level !== null && (!bad || reason.trim().length > 0);
  return (
    // Named by its heading, the form is a region of its own (it sits outside the ticket's main card).
    <section className="rating" data-testid="rating-form" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('rateTitle')}</h2>
      <div className="rating-levels" role="radiogroup" aria-label={t('rateTitle')}>
        {RATING_LEVELS.map((l) => (
          <button
            type="button"
            key={l}
            role="radio"
            aria-checked={level === l}
            className={`rating-level rating-level-${l}${level === l ? ' selected' : ''}`}
            data-testid={`rating-${l}`}
            onClick={() => setLevel(l)}
          >
            {localized(RATING_LABELS[l], lang)}
          </button>
        ))}
      </div>
      {bad && (
        <label className="rating-reason">
          {t('ratingReason')}
          <textarea data-testid="rating-reason" value={reason} maxLength={1000} rows={3} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      <button
        type="button"
        className="phone-primary"
        data-testid="rating-submit"
        disabled={!ready || busy}
        onClick={() => level !== null && onSubmit(level, bad ? reason.trim() : undefined)}
      >
        {t('submitRating')}
      </button>
    </section>
  );
}
