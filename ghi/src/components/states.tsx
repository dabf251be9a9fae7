import { Button } from '@mantine/core';
import { errorMessage } from '../lib/api-client';
import { useTranslation } from '../lib/i18n';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return <p aria-busy="true">{label ?? t('common:states.loading')}</p>;
}

/** A failed request, said plainly, with a way to try again. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error-state">
      <p>{errorMessage(error)}</p>
      {retry && (
        <Button type="button" variant="default" onClick={retry}>
          {t('common:states.tryAgain')}
        </Button>
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
