// Per organisation (government, contractor): the work its staff did, the basis of paying by results.
import type { HallStats, Organisation } from '@hallq/shared';
import { useI18n } from '../../i18n';
import { minutes, percent } from './reports-model';
import { ScrollTable } from '../../components/table-scroll';

export function OrganisationsTable({ stats, organisations }: { stats: HallStats; organisations: Map<string, Organisation> }) {
  const { t, pick } = useI18n();
  if (stats.byOrganisation.length === 0) return null;
  const pct = (s: number | null) => (s === null ? '–' : `${percent(s)}%`);
  return (
    <section className="card" data-testid="organisations">
      <h2>{t('reports.orgs')}</h2>
      <ScrollTable label={t('reports.orgs')} headers={[t('reports.org'), t('reports.visits'), t('reports.served'), t('reports.noShow'), t('reports.tile.wait'), t('reports.tile.within'), t('reports.tile.firstTime'), t('reports.tile.satisfied')]}>
        {stats.byOrganisation.map((o) => (
          <tr key={o.organisationId} data-organisation={o.organisationId}>
            <th scope="row">{pick(organisations.get(o.organisationId)?.name) || o.organisationId}</th>
            <td>{o.issued}</td>
            <td>{o.served}</td>
            <td>{o.noShow}</td>
            <td>{o.waitSeconds.mean === null ? '–' : t('reports.unit.min', { n: minutes(o.waitSeconds.mean)! })}</td>
            <td>{pct(o.withinTargetShare)}</td>
            <td>{pct(o.firstTimeAcceptedShare)}</td>
            <td>{pct(o.ratings.satisfiedShare)}</td>
          </tr>
        ))}
      </ScrollTable>
    </section>
  );
}
