// Devices: create a kiosk, display or rating pad, show its token once with a pairing QR, revoke.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { DeviceBody, DEVICE_KINDS } from '@hallq/shared';
import type { Device, DeviceKind } from '@hallq/shared';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { api } from '../../lib/api';
import { zodIssues } from '../../lib/errors';
import { useAction } from '../../hooks/use-action';
import { useList } from '../../hooks/use-resource';
import { ErrorBox } from '../../components/error-box';
import type { AdminSectionProps } from './admin-section';
import { AnnounceScope } from './announce-scope';
import { ScrollTable } from '../../components/table-scroll';

/** The page a device opens to pair itself with its token. */
export function pairUrl(origin: string, kind: DeviceKind, windowNumber: number | null, token: string): string {
  const q = `?pair=${encodeURIComponent(token)}`;
  if (kind === 'kiosk') return `${origin}/kiosk${q}`;
  if (kind === 'rating-pad') return `${origin}/rating/${windowNumber ?? 1}${q}`;
  return windowNumber ? `${origin}/display/window/${windowNumber}${q}` : `${origin}/display${q}`;
}

function PairingQr({ url }: { url: string }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    QRCode.toDataURL(url, { margin: 1, width: 220 }).then(setSrc, () => setSrc(''));
  }, [url]);
  return src ? <img src={src} alt="QR" width={220} height={220} data-testid="pair-qr" /> : null;
}

export function DevicesAdmin({ hallId, config }: AdminSectionProps) {
  const { t } = useI18n();
  const { data, reload } = useList<Device>(hallId, 'devices');
  const { run, error, setError, busy } = useAction();
  const [form, setForm] = useState({ kind: 'kiosk' as DeviceKind, name: '', windowNumber: '', printer: '', paper: '80' });
  const [created, setCreated] = useState<{ device: Device; token: string } | null>(null);

  const create = () => {
    const body = {
      kind: form.kind,
      name: form.name.trim(),
      ...(form.windowNumber.trim() ? { windowNumber: Number(form.windowNumber) } : {}),
      ...(form.kind === 'kiosk' && form.printer.trim() ? { printer: form.printer.trim() } : {}),
      ...(form.kind === 'kiosk' ? { paperWidthMm: Number(form.paper) } : {}),
    };
    const parsed = DeviceBody.safeParse(body);
    if (!parsed.success) {
      setError({ code: 'validation_failed', message: t('error.validation_failed'), fields: zodIssues(parsed.error) });
      return;
    }
    void run(async () => {
      const res = await api.post<{ device: Device; token: string }>(`/halls/${hallId}/devices`, parsed.data);
      setCreated(res);
      setForm({ ...form, name: '', windowNumber: '', printer: '' });
      reload();
    });
  };

  const url = created ? pairUrl(window.location.origin, created.device.kind, created.device.windowNumber, created.token) : '';
  return (
    <div>
      <form
        className="card form-grid"
        data-testid="device-form"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <label>
          {t('dev.kind')}
          <select name="device-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as DeviceKind })}>
            {DEVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`dev.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dev.name')}
          <input name="device-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          {t('dev.window')} {t('common.optional')}
          <input name="device-window" inputMode="numeric" value={form.windowNumber} onChange={(e) => setForm({ ...form, windowNumber: e.target.value })} />
        </label>
        {form.kind === 'kiosk' && (
          <>
            <label>
              {t('dev.printer')} {t('common.optional')}
              <input name="device-printer" value={form.printer} onChange={(e) => setForm({ ...form, printer: e.target.value })} />
            </label>
            <label>
              {t('dev.paper')}
              <select name="device-paper" value={form.paper} onChange={(e) => setForm({ ...form, paper: e.target.value })}>
                <option value="80">80 mm</option>
                <option value="58">58 mm</option>
              </select>
            </label>
          </>
        )}
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('dev.new')}
        </button>
      </form>
      <ErrorBox error={error} />
      {created && (
        <section className="card token-once" data-testid="device-token">
          <p>
            <strong>{t('dev.tokenOnce')}</strong>
          </p>
          <code className="token" data-testid="device-token-value">
            {created.token}
          </code>
          <p>{t('dev.pairUrl')}</p>
          <a href={url} data-testid="device-pair-url" target="_blank" rel="noreferrer">
            {url}
          </a>
          <PairingQr url={url} />
          <button type="button" onClick={() => setCreated(null)}>
            {t('common.close')}
          </button>
        </section>
      )}
      <ScrollTable label={t('admin.devices')} headers={[t('dev.name'), t('dev.kind'), t('board.window'), t('dev.announce'), t('dev.printerState'), t('dev.lastSeen'), null]} className="card">
        {(data ?? []).map((d) => (
          <tr key={d.id} data-testid={`device-${d.name}`} className={d.revoked ? 'inactive' : ''}>
            <td>
              {d.name}
              {d.revoked && <span className="badge">{t('dev.revoked')}</span>}
            </td>
            <td>{t(`dev.kind.${d.kind}` as MessageKey)}</td>
            <td>{d.windowNumber ?? '—'}</td>
            <td>
              {d.kind === 'display' && !d.revoked && !d.windowNumber ? (
                <AnnounceScope
                  device={d}
                  config={config}
                  busy={busy}
                  onSave={(scope) =>
                    void run(async () => {
                      await api.patch(`/halls/${hallId}/devices/${d.id}`, scope);
                      reload();
                    })
                  }
                />
              ) : (
                '—'
              )}
            </td>
            <td>{d.printerState ? t(`printer.${d.printerState}` as MessageKey) : '—'}</td>
            <td>{d.lastSeenAt ? new Date(d.lastSeenAt).toLocaleString() : '—'}</td>
            <td>
              {!d.revoked && (
                <button
                  type="button"
                  className="btn-small btn-warn"
                  onClick={() =>
                    window.confirm(t('dev.revokeConfirm', { name: d.name })) &&
                    void run(async () => {
                      await api.patch(`/halls/${hallId}/devices/${d.id}`, { revoked: true });
                      reload();
                    })
                  }
                >
                  {t('dev.revoke')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </ScrollTable>
    </div>
  );
}
