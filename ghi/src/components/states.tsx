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

/** A detail page's answer for an id no record has: what was missing, and the way back. */
export function NotFound({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{children}</p>
    </>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="empty">{children}</p>;
}
