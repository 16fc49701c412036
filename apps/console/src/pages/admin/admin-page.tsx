// Hall administration: one sub-page per kind of configuration, under /console/admin/<section>.
import type { ReactElement } from 'react';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useSignedIn } from '../../hooks/use-session';
import { useHallConfig } from '../../hooks/use-hall';
import { hrefOf, navigate, useRoute } from '../../lib/router';
import { HallSettings } from './hall-settings';
import { ServicesAdmin } from './services-admin';
import { WindowsAdmin } from './windows-admin';
import { StaffAdmin } from './staff-admin';
import { DevicesAdmin } from './devices-admin';
import { NoticesAdmin } from './notices-admin';
import { AuditLog } from './audit-log';
import type { AdminSectionProps } from './admin-section';


const SECTIONS: Array<{ id: string; label: MessageKey; render(p: AdminSectionProps): ReactElement }> = [
  { id: 'services', label: 'admin.services', render: (p) => <ServicesAdmin {...p} /> },
  { id: 'windows', label: 'admin.windows', render: (p) => <WindowsAdmin {...p} /> },
  { id: 'staff', label: 'admin.staff', render: (p) => <StaffAdmin {...p} /> },
  { id: 'devices', label: 'admin.devices', render: (p) => <DevicesAdmin {...p} /> },
  { id: 'notices', label: 'admin.notices', render: (p) => <NoticesAdmin {...p} /> },
  { id: 'hall', label: 'admin.hall', render: (p) => <HallSettings {...p} /> },
  { id: 'audit', label: 'admin.audit', render: (p) => <AuditLog {...p} /> },
];

export function AdminPage() {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const route = useRoute();
  const hallId = me.hallId;
  const { config, reload } = useHallConfig(hallId);
  const id = route.split('/')[2] ?? 'services';
  const section = SECTIONS.find((s) => s.id === id) ?? SECTIONS[0]!;
  return (
    <div className="admin">
      <nav className="subnav" aria-label={t('nav.admin')}>
        {SECTIONS.map((s) => (
          <a
            key={s.id}
            href={hrefOf(`/admin/${s.id}`)}
            className={s === section ? 'active' : ''}
            aria-current={s === section ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate(`/admin/${s.id}`);
            }}
          >
            {t(s.label)}
          </a>
        ))}
      </nav>
      <section className="admin-body">
        <h1>{t(section.label)}</h1>
        {config ? section.render({ hallId, config, reloadConfig: reload }) : <p>{t('common.loading')}</p>}
      </section>
    </div>
  );
}
