import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { BusyButton } from '../../../components/form';
import { LanguageMenu } from '../../../components/language-menu';
import { ErrorState, Loading } from '../../../components/states';
import { env } from '../../../config/env';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { safeNext, useSession } from '../../../lib/auth';
import { useContractMessage } from '../../../lib/contract-messages';
import { useTranslation } from '../../../lib/i18n';

import { useLogin } from '../api/login';

const signInSchema = (t: TFunction) =>
  z.object({
    email: z.string().trim().min(1, t('common:signIn.enterEmail')),
    password: z.string().min(1, t('common:signIn.enterPassword')),
  });
type SignInValues = z.infer<ReturnType<typeof signInSchema>>;

/** The message above the button for a refused sign-in. */
function refusal(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return t('common:signIn.wrong');
  return errorMessage(error);
}

/** Why the gateway sent the browser back from single sign-on (`?sso_error=`), in words. */
function ssoRefusal(t: TFunction, code: string | null): string | undefined {
  switch (code) {
    case null:
      return undefined;
    case 'no_account':
      return t('common:signIn.sso.noAccount');
    case 'disabled':
      return t('common:signIn.sso.disabled');
    case 'email_not_verified':
      return t('common:signIn.sso.emailNotVerified');
    case 'expired':
      return t('common:signIn.sso.expired');
    case 'cancelled':
      return t('common:signIn.sso.cancelled');
    case 'unavailable':
      return t('common:signIn.sso.unavailable');
    default:
      return t('common:signIn.sso.failed');
  }
}

/** "Sign in with <provider>": a plain link, the gateway does the rest and comes back to `next`. */
function SsoLink({ name, next }: { name: string; next: string }) {
  const { t } = useTranslation();
  return (
    // It navigates (to the gateway, then the provider), so it is a link that looks like a button.
    <Button
      component="a"
      role="button"
      variant="default"
      fullWidth
      href={`${env.VITE_AUTH_API_URL}/sso/start?next=${encodeURIComponent(next)}`}
    >
      {t('common:signIn.withProvider', { name })}
    </Button>
  );
}

function SignInForm({ next }: { next: string }) {
  const { t } = useTranslation();
  const login = useLogin();
  const navigate = useNavigate();
  const said = useContractMessage();
  const form = useForm<SignInValues>({
    resolver: zodResolver(signInSchema(t)),
    defaultValues: { email: '', password: '' },
  });
  useEffect(() => form.setFocus('email'), [form]);
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await login.mutateAsync(values);
      navigate(next, { replace: true });
    } catch (error) {
      const fieldErrors = error instanceof ApiError && error.status === 400 ? error.fieldErrors : [];
      for (const field of fieldErrors) {
        if (field.path === 'email' || field.path === 'password') {
          form.setError(field.path, { type: 'server', message: field.message });
        }
      }
      if (fieldErrors.length === 0) {
        form.setError('root.server', { type: 'server', message: refusal(t, error) });
        // A wrong password is typed again; the email usually was right.
        if (error instanceof ApiError && error.status === 401) {
          form.resetField('password');
          form.setFocus('password');
        }
      }
    }
  });
  const { errors, isSubmitting } = form.formState;
  const serverError = errors.root?.server?.message;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('common:signIn.submit')}>
      <Stack gap="sm">
        <TextInput
          label={t('common:signIn.email')}
          type="email"
          autoComplete="username"
          error={errors.email?.message && said(errors.email.message)}
          {...form.register('email')}
        />
        <TextInput
          label={t('common:signIn.password')}
          type="password"
          autoComplete="current-password"
          error={errors.password?.message && said(errors.password.message)}
          {...form.register('password')}
        />
        {serverError && (
          <Alert color="red" variant="light" role="alert">
            {said(serverError)}
          </Alert>
        )}
        <BusyButton type="submit" fullWidth busy={isSubmitting}>
          {isSubmitting ? t('common:signIn.busy') : t('common:signIn.submit')}
        </BusyButton>
      </Stack>
    </form>
  );
}

/** `/sign-in?next=/where/they/were`: email and password, then back to where they were going. */
export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const ssoError = ssoRefusal(t, params.get('sso_error'));
  const session = useSession();
  const title = t('common:signIn.documentTitle');
  useEffect(() => {
    document.title = title;
    return () => {
      document.title = 'CarCar';
    };
  }, [title]);
  return (
    <main id="main" className="sign-in">
      <Paper withBorder shadow="sm" radius="md" p="xl">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Title order={1}>{t('common:signIn.heading')}</Title>
              {params.get('next') && !session.data && (
                <Text size="sm" c="dimmed">
                  {t('common:signIn.continue')}
                </Text>
              )}
            </Stack>
            <LanguageMenu />
          </Group>
          {session.isLoading ? (
            <Loading />
          ) : session.data ? (
            <Navigate to={next} replace />
          ) : (
            <>
              {session.error && <ErrorState error={session.error} retry={() => session.refetch()} />}
              {ssoError && (
                <Alert color="red" variant="light" role="alert">
                  {ssoError}
                </Alert>
              )}
              {env.SSO_NAME && <SsoLink name={env.SSO_NAME} next={next} />}
              <SignInForm next={next} />
            </>
          )}
        </Stack>
      </Paper>
    </main>
  );
}
