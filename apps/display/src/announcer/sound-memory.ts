// "Click to enable sound" should be needed once per screen, not after every reload. Browsers
// decide: Chromium lets a page that was allowed before (site setting "Sound: allow", the
// AutoplayAllowlist policy, or enough past engagement) start its audio without a gesture; the
// page remembers that sound was enabled, tries at once, and otherwise takes any touch or key
// anywhere on the screen as the gesture, not only the button.
const KEY = 'hallq:sound-enabled';

export function rememberSoundEnabled(): void {
  try {
    window.localStorage.setItem(KEY, '1');
  } catch {
    // storage disabled: the button is shown again after a reload
  }
}

export function soundWasEnabled(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function enableSoundOnAnyGesture(enable: () => void): void {
  const events = ['pointerdown', 'keydown', 'touchstart'] as const;
  const once = () => {
    events.forEach((e) => window.removeEventListener(e, once, true));
    enable();
  };
  events.forEach((e) => window.addEventListener(e, once, true));
}
