// The printed ticket as the printer will lay it out: the server draws the printing package's own
// layout as SVG, with the hall name and notice being edited (not saved yet).
import { useEffect, useState } from 'react';
import type { LocalizedText, Service, TicketTemplateSettings } from '@hallq/shared';
import { api } from '../../lib/api';
import { useI18n } from '../../i18n';

interface Props {
  hallId: string;
  hallName: LocalizedText;
  service: Service | undefined;
  notice: LocalizedText;
  /** The hall's ticket options being edited (header, English lines, estimate). */
  template: TicketTemplateSettings;
}

const usable = (t: LocalizedText): LocalizedText | undefined => (t.zh.trim() && t.en.trim() ? t : undefined);

export function TicketPreview({ hallId, hallName, service, notice, template }: Props) {
  const { t } = useI18n();
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    // Redraw shortly after typing stops, not on every key.
    const timer = setTimeout(() => {
      api
        .post<string>(`/halls/${hallId}/ticket-preview`, { hallName: usable(hallName), notice: usable(notice), serviceId: service?.id, ticketTemplate: template })
        .then((text) => current && (setSvg(text), setFailed(false)))
        .catch(() => current && setFailed(true));
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [hallId, hallName.zh, hallName.en, notice.zh, notice.en, service?.id, template.header?.zh, template.header?.en, template.showEnglish, template.showEstimate]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="ticket-preview" data-testid="ticket-preview">
      {svg && <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={t('hall.preview')} data-testid="ticket-preview-svg" />}
      {failed && <p className="error">{t('hall.previewFailed')}</p>}
    </div>
  );
}
