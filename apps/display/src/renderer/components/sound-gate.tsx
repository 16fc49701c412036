import { useEffect, useState } from 'react';
import type { BrowserAnnouncer, SoundState } from '../../announcer/browser-announcer';
import { en, zh } from '../i18n/messages';
import { SoundIcon } from './icons';

/** In a browser that blocks autoplay, one click enables the announcements. */
export function SoundGate({ announcer }: { announcer: BrowserAnnouncer }) {
  const [state, setState] = useState<SoundState>(announcer.soundState);
  useEffect(() => announcer.onSoundState(setState), [announcer]);
  if (state !== 'blocked') return null;
  return (
    <button type="button" className="sound-gate" data-testid="enable-sound" onClick={() => announcer.enableSound()}>
      <SoundIcon className="sound-icon" /> {zh.enableSound}
      <small>{en.enableSound}</small>
    </button>
  );
}
