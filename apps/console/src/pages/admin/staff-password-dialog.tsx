import { useState } from 'react';
import { StaffPatch } from '@hallq/shared';
import type { StaffMember } from '@hallq/shared';
import { Dialog } from '../../components/dialog';
import { ErrorBox } from '../../components/error-box';
import { useI18n } from '../../i18n';
import { zodIssues } from '../../lib/errors';
import type { ShownError } from '../../lib/errors';
import { FormActions } from '../../components/form-actions';

export function StaffPasswordDialog({ member, onClose, onSave }: { member: StaffMember; onClose(): void; onSave(password: string): void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  return (
    <Dialog title={`${t('staff.resetPassword')} · ${member.name}`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = StaffPatch.safeParse({ password });
          if (!parsed.success) setError({ code: 'validation_failed', message: t('error.validation_failed'), fields: zodIssues(parsed.error) });
          else onSave(password);
        }}
      >
        <label>
          {t('staff.newPassword')}
          <input name="new-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <ErrorBox error={error} />
        <FormActions onCancel={onClose} />
      </form>
    </Dialog>
  );
}
