// Choose a window to sign in at: only those this person is allowed (empty list = any).
import type { HallConfig, WindowView } from '@hallq/shared';
import { useI18n } from '../../i18n';
import type { Me } from '../../lib/me';

interface Props {
  me: Me;
  config: HallConfig;
  windows: ReadonlyArray<WindowView>;
  busy: boolean;
  onSignIn(windowId: string): void;
}

export function allowedWindows(me: Me, windows: ReadonlyArray<WindowView>): WindowView[] {
  return windows.filter((w) => me.windowNumbers.length === 0 || me.windowNumbers.includes(w.number));
}

export function WindowPicker({ me, config, windows, busy, onSignIn }: Props) {
  const { t, pick } = useI18n();
  const allowed = allowedWindows(me, windows);
  const serviceName = (id: string) => pick(config.services.find((s) => s.id === id)?.name);
  return (
    <section className="card">
      <h2>{t('counter.pickWindow')}</h2>
      {allowed.length === 0 && <p>{t('counter.noWindows')}</p>}
      <div className="window-grid">
        {allowed.map((w) => {
          const taken = w.staffId !== null && w.staffId !== me.id;
          return (
            <button
              key={w.id}
              type="button"
              className="window-choice"
              disabled={busy || taken}
              onClick={() => onSignIn(w.id)}
              data-testid={`sign-in-${w.number}`}
            >
              <strong>{t('counter.window', { n: w.number })}</strong>
              <span className={`badge state-${w.state}`}>{t(`state.${w.state}`)}</span>
              {taken && <small>{t('counter.signedInOther')}</small>}
              <small>{w.skills.map((s) => `${serviceName(s.serviceId)}·${s.tier}`).join('，')}</small>
            </button>
          );
        })}
      </div>
    </section>
  );
}
