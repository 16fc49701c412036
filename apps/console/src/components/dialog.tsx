// A modal dialog: Esc closes it, focus moves into it, keys pressed inside stay inside.
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

export function Dialog({ title, onClose, children, onKey, wide }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The dialog's own choice first (data-autofocus), else its first field, else its first button.
    const root = ref.current;
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]') ??
      root?.querySelector<HTMLElement>('.dialog-body input, .dialog-body select, .dialog-body textarea') ??
      root?.querySelector<HTMLElement>('.dialog-body button');
    first?.focus();
  }, []);
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopImmediatePropagation();
        onClose();
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
          <button type="button" className="btn-ghost" onClick={onClose} aria-label={t('common.close')}>
            {/* Drawn, not a font glyph: a PC without the symbol font would show an empty box. */}
            <svg viewBox="0 0 12 12" width="0.8em" height="0.8em" aria-hidden="true" focusable="false">
              <path d="M2 2l8 8M10 2l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>{' '}
            <kbd>Esc</kbd>
          </button>
        </header>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  );
}
