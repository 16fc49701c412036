// Icons drawn as SVG, so they look the same on every PC: a lobby PC often has no emoji font
// and would show empty boxes for 😄 or 🔊.

/** A loudspeaker with sound waves. */
export function SoundIcon({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false" data-icon="sound">
      <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
      <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** Mouths from a broad smile (level 1, 非常满意) to a deep frown (level 5, 非常不满意). */
const MOUTHS: Record<number, string> = {
  1: 'M7 13.5q5 6 10 0',
  2: 'M7.5 14.5q4.5 3.5 9 0',
  3: 'M8 15.5h8',
  4: 'M7.5 17q4.5-3.5 9 0',
  5: 'M7 18q5-5.5 10 0',
};
const COLOURS: Record<number, string> = { 1: '#3ddc97', 2: '#9be15d', 3: '#ffd23f', 4: '#ff9f43', 5: '#ff5c5c' };

/** One face per 好差评 level. */
export function RatingFace({ level, className }: { level: number; className?: string }) {
  const colour = COLOURS[level] ?? '#ffd23f';
  return (
    <svg className={className} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false" data-icon={`face-${level}`}>
      <circle cx="12" cy="12" r="10.5" fill={colour} />
      {level === 5 ? (
        <path d="M6.5 8l3 1.5M17.5 8l-3 1.5" stroke="#1b1b1b" strokeWidth="1.6" strokeLinecap="round" />
      ) : null}
      <circle cx="8.5" cy="10.5" r="1.4" fill="#1b1b1b" />
      <circle cx="15.5" cy="10.5" r="1.4" fill="#1b1b1b" />
      <path d={MOUTHS[level] ?? MOUTHS[3]} fill="none" stroke="#1b1b1b" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
