import type { Lang, Notice } from '@hallq/shared';
import { messages } from '../i18n/lang';

/** The hall's active notices scrolling along the bottom of the screen. */
export function NoticeTicker({ notices, lang }: { notices: Notice[]; lang: Lang }) {
  const active = notices.filter((n) => n.active);
  if (active.length === 0) return null;
  const text = active.map((n) => (lang === 'zh' ? `${n.text.zh}  ${n.text.en}` : `${n.text.en}  ${n.text.zh}`)).join('　　◆　　');
  // Scroll time grows with the text so the speed stays readable.
  const seconds = Math.max(20, text.length * 0.35);
  return (
    // A labelled landmark, so the notices are not text outside every region of the page (axe: region).
    <aside className="ticker" data-testid="notices" aria-label={messages(lang).notices}>
      <div className="ticker-track" style={{ animationDuration: `${seconds}s` }}>
        <span>{text}</span>
        <span aria-hidden="true">{text}</span>
      </div>
    </aside>
  );
}
