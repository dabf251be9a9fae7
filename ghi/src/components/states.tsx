import { errorMessage } from '../lib/api-client';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return <p aria-busy="true">{label}</p>;
}

/** A failed request, said plainly, with a way to try again. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div role="alert" className="error-state">
      <p>{errorMessage(error)}</p>
      {retry && (
        <button type="button" className="secondary" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="empty">{children}</p>;
}
