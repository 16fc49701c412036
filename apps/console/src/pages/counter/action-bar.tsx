// One button per counter action, each labelled with its keys (F-keys and keypad).
import type { CounterAction } from '../../lib/shortcuts';
import { SHORTCUT_LABELS } from '../../lib/shortcuts';
import { useI18n } from '../../i18n';

const ORDER: CounterAction[] = ['call-next', 'recall', 'start', 'complete', 'no-show', 'transfer', 'pause-resume'];

export function ActionBar({ enabled, paused, onAction }: { enabled: (a: CounterAction) => boolean; paused: boolean; onAction(a: CounterAction): void }) {
  const { t } = useI18n();
  return (
    <section className="action-bar" aria-label={t('counter.shortcuts')}>
      {ORDER.map((a) => (
        <button
          key={a}
          type="button"
          className={a === 'call-next' ? 'btn-primary action' : 'action'}
          disabled={!enabled(a)}
          onClick={() => onAction(a)}
          data-action={a}
        >
          <span>{a === 'pause-resume' ? t(paused ? 'action.resume' : 'action.pause') : t(`action.${a}`)}</span>
          <span className="keys">
            {SHORTCUT_LABELS[a].map((k) => (
              <kbd key={k}>{k}</kbd>
            ))}
          </span>
        </button>
      ))}
    </section>
  );
}
