// A modal dialog: Esc closes it, focus moves into it and Tab stays inside it, keys pressed inside
// stay inside, and focus returns to where it was when it closes.
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Extra key handling while the dialog is open (e.g. Y / N). */
  onKey?(e: KeyboardEvent): void;
  wide?: boolean;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab go round the dialog's own controls: the page behind a modal is out of reach. */
function trapTab(root: HTMLElement, e: KeyboardEvent): void {
  const stops = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
  if (stops.length === 0) {
    e.preventDefault();
    return;
  }
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && root.contains(active);
  if (e.shiftKey && (!inside || active === first)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (!inside || active === last)) {
    e.preventDefault();
    first.focus();
  }
}

export function Dialog({ title, onClose, children, onKey, wide }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Focus goes back where it was (the action button, or the page) when the dialog closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The dialog's own choice first (data-autofocus), else its first field, else its first button.
    const root = ref.current;
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]') ??
      root?.querySelector<HTMLElement>('.dialog-body input, .dialog-body select, .dialog-body textarea') ??
      root?.querySelector<HTMLElement>('.dialog-body button');
    first?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopImmediatePropagation();
        onClose();
        return;
      }
      if (e.key === 'Tab' && ref.current) {
        trapTab(ref.current, e);
        return;
      }
      onKey?.(e);
    };
    // Capture phase: the dialog sees keys before the page's shortcuts.
    window.addEventListener('keydown', on, true);
    return () => window.removeEventListener('keydown', on, true);
  }, [onClose, onKey]);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`dialog${wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} ref={ref}>
        <header className="dialog-head">
          <h2>{title}</h2>
          <button type="button" className="btn-ghost" onClick={onClose}>
            {/* Drawn, not a font glyph: a PC without the symbol font would show an empty box. */}
            <svg viewBox="0 0 12 12" width="0.8em" height="0.8em" aria-hidden="true" focusable="false">
              <path d="M2 2l8 8M10 2l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>{' '}
            {/* Named by words a screen reader says, and by the visible "Esc" (speech control says what it sees). */}
            <span className="visually-hidden">{t('common.close')} </span>
            <kbd>Esc</kbd>
          </button>
        </header>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  );
}
