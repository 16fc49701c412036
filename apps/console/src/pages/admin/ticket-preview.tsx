// An HTML likeness of the printed ticket: the same fields the printer lays out, no personal data.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { LocalizedText, Service } from '@hallq/shared';

interface Props {
  hallName: LocalizedText;
  service: Service | undefined;
  notice: LocalizedText;
}

export function TicketPreview({ hallName, service, notice }: Props) {
  const [qr, setQr] = useState('');
  useEffect(() => {
    QRCode.toDataURL(`${window.location.origin}/t/preview`, { margin: 0, width: 96 }).then(setQr, () => setQr(''));
  }, []);
  const number = `${service?.prefix ?? 'A'}001`;
  return (
    <div className="ticket-preview" data-testid="ticket-preview">
      <div className="tp-hall">{hallName.zh}</div>
      <div className="tp-hall-en">{hallName.en}</div>
      <hr />
      <div className="tp-number">{number}</div>
      <div>
        {service?.name.zh} / {service?.name.en}
      </div>
      <div>前面还有 3 人 / 3 waiting ahead</div>
      <div>预计等候约 12 分钟 / about 12 min</div>
      {qr && <img src={qr} alt="" width={96} height={96} />}
      <div className="tp-notice">{notice.zh || '请留意叫号，过号请重新取号'}</div>
      {notice.en && <div className="tp-notice">{notice.en}</div>}
      <div className="tp-time">{new Date().toLocaleString('zh-CN')}</div>
    </div>
  );
}
