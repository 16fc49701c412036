// The hall's services as radio choices grouped by module (transfer, issuing a ticket): a long name
// wraps whole instead of being cut at the edge of a closed drop-down.
import type { ReactNode } from 'react';
import type { Service } from '@hallq/shared';
import { useI18n } from '../../i18n';
import type { TransferGroup } from './transfer-choices';

interface Props {
  groups: TransferGroup[];
  legend: string;
  /** The radio group's name; also prefixes the ids of the module headings. */
  name: string;
  /** The test id of the list, and the prefix of each choice's (followed by the service's code). */
  testId: string;
  choiceTestId: string;
  selected: string;
  /** The choice that takes the dialog's first focus. */
  autofocusId?: string;
  className?: string;
  onChoose(serviceId: string): void;
  /** Anything shown after a service's name (e.g. "closed today"). */
  note?(service: Service): ReactNode;
}

export function ServiceChoices({ groups, legend, name, testId, choiceTestId, selected, autofocusId, className, onChoose, note }: Props) {
  const { t, pick } = useI18n();
  return (
    <fieldset className={className ? `transfer-services ${className}` : 'transfer-services'}>
      <legend>{legend}</legend>
      <div className="transfer-list" data-testid={testId}>
        {groups.map((g) => (
          <div key={g.moduleId} role="group" aria-labelledby={`${name}-module-${g.moduleId}`} className="transfer-group">
            <p className="transfer-module" id={`${name}-module-${g.moduleId}`}>
              {g.name ? pick(g.name) : t('counter.transferOtherModule')}
            </p>
            {g.services.map((s) => (
              <label key={s.id} className="inline transfer-choice">
                <input
                  type="radio"
                  name={name}
                  value={s.id}
                  checked={selected === s.id}
                  data-testid={`${choiceTestId}${s.code}`}
                  data-autofocus={s.id === autofocusId ? true : undefined}
                  onChange={() => onChoose(s.id)}
                />
                <span className="transfer-prefix">{s.prefix}</span>
                <span className="service-name">
                  {pick(s.name)}
                  {note?.(s)}
                </span>
              </label>
            ))}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
