// A table's own scroll container: on a narrow screen (a phone) a wide table scrolls sideways inside
// it instead of widening the page. It is a labelled region that takes focus, so keyboard users can
// scroll it too (axe: scrollable-region-focusable).
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

interface ScrollTableProps {
  /** The scroll region's accessible name. */
  label: string;
  /**
   * The header row, one cell a column; null for a column without a visible heading: the first
   * (the corner above the rows' own headings) stays empty, any other is the rows' actions and is
   * named so for screen readers (an empty header cell names nothing: axe empty-table-header).
   */
  headers: ReadonlyArray<ReactNode>;
  className?: string;
  testId?: string;
  /** The body rows. */
  children: ReactNode;
}

/** A table with one header row, in its scroll container. */
export function ScrollTable({ label, headers, className, testId, children }: ScrollTableProps) {
  const { t } = useI18n();
  return (
    <TableScroll label={label}>
      <table className={className} data-testid={testId}>
        <thead>
          <tr>
            {headers.map((h, i) =>
              h !== null ? (
                <th key={i}>{h}</th>
              ) : i === 0 ? (
                <td key={i} />
              ) : (
                <th key={i}>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
