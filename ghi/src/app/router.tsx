import { Suspense } from 'react';
import { createBrowserRouter, Link, Navigate, type RouteObject, useParams } from 'react-router-dom';
import { Layout } from '../components/layout';
import { RequirePermission } from '../components/require-permission';
import { Loading } from '../components/states';
import { useTranslation } from '../lib/i18n';
import { HomePage } from './home-page';
import { lazyPage, navigation, pages } from './pages';

// Signing in is once a session: its form code (react-hook-form) need not hold up every other page.
const SignInPage = lazyPage(() => import('../features/auth/components/sign-in-page'), 'SignInPage');

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('common:notFound.title')}</h1>
      <p>
        {t('common:notFound.nothingHere')} <Link to="/">{t('common:notFound.back')}</Link>.
      </p>
    </>
  );
}

/** The car's page moved to /vehicles/:vin (outside cars have one too); old links and bookmarks follow. */
function OldCarAddress() {
  return <Navigate to={`/vehicles/${encodeURIComponent(useParams().vin ?? '')}`} replace />;
}

export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    element: (
      <Suspense fallback={<Loading />}>
        <SignInPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: <Layout navigation={navigation} />,
    children: [
      { index: true, element: <HomePage /> },
      // Each page only for those holding its need; anyone else gets the No access page.
      ...pages.map(
        ({ path, need, page }): RouteObject => ({
          path,
          element: <RequirePermission need={need}>{page}</RequirePermission>,
        }),
      ),
      { path: 'inventory/automobiles/:vin', element: <OldCarAddress /> },
      // Stock by age is the one page about the cars' ages; the managers' report had its own until
      // then, and its bookmarks land there. No guard here: the page's own guard answers.
      { path: 'reports/inventory-aging', element: <Navigate to="/inventory/aging" replace /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
