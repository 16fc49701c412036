// A form's own action (it submits the form; "save" unless named) and "cancel" beside it.
import { useI18n } from '../i18n';

export function FormActions({ label, onCancel, disabled, testId }: { label?: string; onCancel(): void; disabled?: boolean; testId?: string }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="btn-primary" disabled={disabled} data-testid={testId}>
        {label ?? t('common.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
