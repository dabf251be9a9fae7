import './breadcrumb.css';
import type { ReactNode } from 'react';
import { useTranslation } from '../lib/i18n';

/**
 * The way up from a record to its list: `children` are the list items, the last one the page
 * itself (aria-current="page"). Styled by its class, so its name can be in the reader's language.
 */
export function Breadcrumb({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb" aria-label={t('layout:breadcrumb')}>
      <ul>{children}</ul>
    </nav>
  );
}
