import { useState } from 'react';
import type { Translate } from '../i18n';

interface Props {
  t: Translate;
  publicId: string;
}

type State = 'idle' | 'busy' | 'on' | 'unsupported' | 'denied' | 'failed';

const SW_URL = '/kiosk/push-sw.js';

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/**
 * Web Push on the phone: the service worker shows the hall's messages even when this page is in
 * the background. The subscription (an endpoint and keys, no personal data) is sent to the hall
 * server for this ticket only.
 */
export async function subscribeToPush(publicId: string): Promise<State> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  const keyRes = await fetch('/api/v1/public/push/key');
  const { publicKey } = (await keyRes.json()) as { publicKey: string | null };
  if (!publicKey) return 'unsupported';
  const reg = await navigator.serviceWorker.register(SW_URL, { scope: '/kiosk/' });
  await navigator.serviceWorker.ready;
  const sub = (await reg.pushManager.getSubscription()) ?? (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  const res = await fetch(`/api/v1/public/tickets/${encodeURIComponent(publicId)}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(sub.toJSON()),
  });
  return res.ok ? 'on' : 'failed';
}

export function PushOptIn({ t, publicId }: Props) {
  const [state, setState] = useState<State>('idle');
  if (state === 'on') return <p className="phone-push" data-testid="push-on">{t('pushEnabled')}</p>;
  if (state === 'unsupported') return <p className="phone-push">{t('pushUnsupported')}</p>;
  if (state === 'denied') return <p className="phone-push">{t('pushDenied')}</p>;
  return (
    <button
      type="button"
      className="phone-secondary"
      data-testid="push"
      disabled={state === 'busy'}
      onClick={() => {
        setState('busy');
        subscribeToPush(publicId).then(setState, () => setState('failed'));
      }}
    >
      {state === 'failed' ? t('actionFailed') : t('pushOn')}
    </button>
  );
}
