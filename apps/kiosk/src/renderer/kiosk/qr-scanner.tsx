import { useEffect, useRef, useState } from 'react';
import jsQR from 'jsqr';
import type { Translate } from '../i18n';

interface Props {
  t: Translate;
  /** Called once with the text of the first QR code seen. */
  onCode: (text: string) => void;
}

/**
 * The kiosk's camera (getUserMedia) read frame by frame with a QR decoder (jsQR). Nothing is
 * recorded or sent anywhere: frames are decoded in the page and dropped.
 */
export function QrScanner({ t, onCode }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'starting' | 'scanning' | 'no-camera'>('starting');
  const done = useRef(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const read = (): void => {
      const v = video.current;
      if (stopped || done.current || !v) return;
      if (v.readyState >= 2 && v.videoWidth > 0) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        if (ctx) {
          ctx.drawImage(v, 0, 0);
          const frame = ctx.getImageData(0, 0, canvas.width, canvas.height);
          const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
          if (found && found.data) {
            done.current = true;
            onCode(found.data);
            return;
          }
        }
      }
      timer = setTimeout(read, 150);
    };
    const start = async (): Promise<void> => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: false });
        if (stopped) return;
        const v = video.current;
        if (!v) return;
        v.srcObject = stream;
        await v.play().catch(() => undefined);
        setState('scanning');
        read();
      } catch {
        if (!stopped) setState('no-camera');
      }
    };
    void start();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onCode]);

  return (
    <div className="qr-scanner" data-testid="qr-scanner" data-state={state}>
      <video ref={video} className="qr-video" muted playsInline aria-label={t('scanVideoLabel')} />
      <p className="qr-hint" role="status">
        {state === 'no-camera' ? t('scanNoCamera') : t('scanHint')}
      </p>
    </div>
  );
}
