import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from '../lib/i18n';

export interface Crumb {
  label: string;
  /** Where it leads; the last crumb, the page itself, has none. */
  to?: string;
}

/**
 * The way up from a page to its list, the last crumb the page itself (aria-current="page"): one
 * look on every page that has one (a record's, an import's, a new repair order's). Named in the
 * reader's language; the class is what print.css hides on paper.
 */
export function Breadcrumb({ crumbs }: { crumbs: readonly Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb" aria-label={t('layout:breadcrumb')}>
      <Breadcrumbs separator="›" className="breadcrumbs">
        {crumbs.map((crumb) =>
          crumb.to ? (
            <Anchor key={crumb.label} component={Link} to={crumb.to} size="sm">
              {crumb.label}
            </Anchor>
          ) : (
            <Text key={crumb.label} size="sm" c="dimmed" aria-current="page">
              {crumb.label}
            </Text>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}
