import { useEffect, useRef } from 'react';
import QRCode from 'qrcode';

interface Props {
  payload: string;
  /** Edge length in CSS pixels. */
  size: number;
  label: string;
}

/** A QR code drawn on a canvas (high contrast, quiet zone kept) so a phone reads it off the screen. */
export function QrCode({ payload, size, label }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    void QRCode.toCanvas(canvas.current, payload, { errorCorrectionLevel: 'M', margin: 3, width: size, color: { dark: '#000000', light: '#ffffff' } });
  }, [payload, size]);
  return <canvas ref={canvas} className="qr-code" width={size} height={size} role="img" aria-label={label} data-payload={payload} />;
}
