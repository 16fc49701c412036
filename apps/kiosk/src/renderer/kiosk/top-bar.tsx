import type { Translate } from '../i18n';

interface Props {
  t: Translate;
  hallName: string;
  onHome: (() => void) | null;
  onBack: (() => void) | null;
  onSwitchLang: () => void;
  /** Elderly / large mode: one tap away on every screen. */
  large?: boolean;
  onToggleLarge?: () => void;
}

/** Always on top: where am I, one touch back, one touch to the other language. */
export function TopBar({ t, hallName, onHome, onBack, onSwitchLang, large = false, onToggleLarge }: Props) {
  return (
    <header className="top-bar">
      <div className="top-bar-nav">
        {onBack && (
          <button type="button" className="nav-button" data-testid="back" onClick={onBack}>
            ‹ {t('back')}
          </button>
        )}
        {onHome && (
          <button type="button" className="nav-button" data-testid="home" onClick={onHome}>
            {t('home')}
          </button>
        )}
      </div>
      <h1 className="hall-name">{hallName}</h1>
      <div className="top-bar-actions">
        {onToggleLarge && (
          <button type="button" className="large-button" data-testid="large-mode" aria-pressed={large} onClick={onToggleLarge}>
            {large ? t('largeOff') : t('largeOn')}
          </button>
        )}
        <button type="button" className="lang-button" data-testid="switch-lang" onClick={onSwitchLang}>
          {t('switchLang')}
        </button>
      </div>
    </header>
  );
}
