// Downloads of the exports (CSV with BOM and XLSX, the 好差评 JSON). They need the bearer token,
// so they are fetched and handed to the browser as a file rather than opened as plain links.
import { useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n';
import { session } from '../../lib/api';
import type { DateRange } from './reports-model';

const KINDS = ['daily', 'tickets', 'ratings', 'contractor'] as const;

async function download(hallId: string, file: string, range: DateRange): Promise<void> {
  const q = new URLSearchParams({ from: range.from, to: range.to });
  const res = await fetch(`/api/v1/halls/${encodeURIComponent(hallId)}/reports/${file}?${q}`, { headers: { authorization: `Bearer ${session.token() ?? ''}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${hallId}-${file.replace('.', `-${range.from}-${range.to}.`)}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButtons({ hallId, range }: { hallId: string; range: DateRange }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState<string | null>(null);
  const get = (file: string) => {
    setFailed(null);
    download(hallId, file, range).catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section className="card" data-testid="exports">
      <h2>{t('reports.exports')}</h2>
      <div className="export-grid">
        {KINDS.map((kind) => (
          <div key={kind} className="export-row">
            <span>{t(`reports.export.${kind}` as MessageKey)}</span>
            <button type="button" className="btn-small" data-export={`${kind}.csv`} onClick={() => get(`${kind}.csv`)}>
              CSV
            </button>
            <button type="button" className="btn-small" data-export={`${kind}.xlsx`} onClick={() => get(`${kind}.xlsx`)}>
              Excel
            </button>
          </div>
        ))}
        <div className="export-row">
          <span>{t('reports.export.haochaping')}</span>
          <button type="button" className="btn-small" data-export="haochaping.json" onClick={() => get('haochaping.json')}>
            JSON
          </button>
        </div>
      </div>
      {failed && (
        <p className="error-box" role="alert">
          {t('reports.export.failed', { message: failed })}
        </p>
      )}
    </section>
  );
}
