// The supervisor's live board: windows, queues against the target, alerts, live controls.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Device, HallEvent, Service, StaffMember, WindowView } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { useSignedIn } from '../../hooks/use-session';
import { useHallConfig, useHallFeed } from '../../hooks/use-hall';
import { useNow } from '../../hooks/use-now';
import { useAction } from '../../hooks/use-action';
import { api } from '../../lib/api';
import { listOf } from '../../hooks/use-resource';
import { computeAlerts, DEVICE_POLL_MS, rememberBadRating } from '../../lib/alerts';
import { hallOpenAt } from '../../lib/hours';
import type { BadRating, DeviceHealth } from '../../lib/alerts';
import { serviceQueues } from '../../lib/board';
import { localDate, routingContext } from '../../lib/queue';
import { can, staffTypeOf } from '../../lib/roles';
import { ErrorBox } from '../../components/error-box';
import { FeedStatus } from '../../components/feed-status';
import { WindowsTable } from './windows-table';
import { QueuesTable } from './queues-table';
import { AlertsPanel } from './alerts-panel';
import { SkillsDialog } from './skills-dialog';
import { Broadcast } from './broadcast';
import { useOverdueFollowUps } from './use-overdue-follow-ups';

const deviceHealth = (d: Device): DeviceHealth => ({
  id: d.id, name: d.name, kind: d.kind, printerState: d.printerState, printerWarning: d.printerWarning ?? null,
  online: d.online, lastSeenAt: d.lastSeenAt, revoked: d.revoked,
});

export function BoardPage() {
  const { t } = useI18n();
  const { me, token } = useSignedIn();
  const hallId = me.hallId;
  const { config, reload } = useHallConfig(hallId);
  const [staff, setStaff] = useState<Map<string, StaffMember>>(new Map());
  const [devices, setDevices] = useState<Map<string, DeviceHealth>>(new Map());
  const [badRatings, setBadRatings] = useState<ReadonlyArray<BadRating>>([]);
  const [editing, setEditing] = useState<WindowView | null>(null);
  const { followUps, refresh: refreshFollowUps } = useOverdueFollowUps(hallId);
  const { run, error } = useAction();
  const now = useNow();

  const loadPeople = useCallback(() => {
    api.get<unknown>(`/halls/${hallId}/staff`).then((raw) => setStaff(new Map((listOf<StaffMember>(raw, 'staff') ?? []).map((s) => [s.id, s]))), () => undefined);
    api.get<unknown>(`/halls/${hallId}/devices`).then(
      (raw) => setDevices(new Map((listOf<Device>(raw, 'devices') ?? []).map((d) => [d.id, deviceHealth(d)]))),
      () => undefined,
    );
  }, [hallId]);
  useEffect(loadPeople, [loadPeople]);
  // Presence has no event of its own (a flapping network must not flood the hall's log): read it.
  useEffect(() => {
    const timer = setInterval(loadPeople, DEVICE_POLL_MS);
    return () => clearInterval(timer);
  }, [loadPeople]);

  const onEvent = useCallback(
    (e: HallEvent) => {
      if (e.type === 'config.changed') {
        reload();
        if (e.what === 'staff' || e.what === 'devices') loadPeople();
      }
      if (e.type === 'device.changed') {
        setDevices((prev) =>
          new Map(prev).set(e.deviceId, {
            ...prev.get(e.deviceId),
            id: e.deviceId,
            name: e.name,
            kind: e.kind,
            printerState: e.printerState,
            printerWarning: e.printerWarning ?? null,
          }),
        );
      }
      if (e.type === 'ticket.rated' && e.bad) {
        setBadRatings((prev) => rememberBadRating(prev, e));
        refreshFollowUps(); // a bad rating opens a follow-up; an older one may be overdue by now
      }
    },
    [reload, loadPeople, refreshFollowUps],
  );
  const resync = useCallback(() => {
    reload();
    loadPeople();
    refreshFollowUps();
  }, [reload, loadPeople, refreshFollowUps]);
  const { state, status } = useHallFeed(hallId, token, onEvent, resync);
  const ctx = useMemo(() => (config ? routingContext(config) : null), [config]);
  if (!me || !config || !ctx) return <p>{t('common.loading')}</p>;

  const waiting = state?.waiting ?? [];
  const windows = state?.windows ?? [];
  const today = localDate(now, config.timezone);
  const estimates = state?.services ?? [];
  const queues = serviceQueues(config.services.filter((s) => s.active), waiting, estimates, config.waitTargetSeconds, now);
  const alerts = computeAlerts({
    waiting,
    windows,
    ctx,
    staffTypeOf: (id) => staffTypeOf(staff.get(id)?.role) ?? 'officer',
    devices: [...devices.values()],
    badRatings,
    followUps,
    hallOpen: hallOpenAt(config.openingHours, config.holidays, now, config.timezone),
    now,
  });
  const canEdit = can(me.role, 'board-actions');
  const patchService = (serviceId: string, body: Partial<Service>) => run(() => api.patch(`/halls/${hallId}/services/${serviceId}`, body));

  return (
    <div className="board">
      <div className="page-head">
        <h1>{t('nav.board')}</h1>
        <FeedStatus status={status} />
      </div>
      <ErrorBox error={error} />
      <div className="board-grid">
        <AlertsPanel alerts={alerts} config={config} />
        <QueuesTable
          rows={queues}
          today={today}
          canEdit={canEdit}
          onCloseToday={(id, close) => {
            const s = config.services.find((x) => x.id === id);
            if (close && !window.confirm(t('board.closeConfirm', { name: s?.name.zh ?? id }))) return;
            void patchService(id, { closedOn: close ? today : null });
          }}
        />
        <WindowsTable config={config} windows={windows} staff={staff} now={now} canEdit={canEdit} onEditSkills={setEditing} />
        {canEdit && <Broadcast hallId={hallId} notices={state?.notices ?? []} />}
      </div>
      {editing && (
        <SkillsDialog
          config={config}
          window={editing}
          onClose={() => setEditing(null)}
          onSave={(skills) => {
            setEditing(null);
            void run(() => api.patch(`/halls/${hallId}/windows/${editing.id}`, { skills }));
          }}
        />
      )}
    </div>
  );
}
