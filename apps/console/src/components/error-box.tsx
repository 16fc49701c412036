// Shows a server or validation error: the translated sentence, then the fields it points at.
import type { ShownError } from '../lib/errors';

export function ErrorBox({ error }: { error: ShownError | null }) {
  if (!error) return null;
  return (
    <div className="error-box" role="alert" data-code={error.code}>
      <p>{error.message}</p>
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((f, i) => (
            <li key={i}>
              {f.path ? <strong>{f.path}: </strong> : null}
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
