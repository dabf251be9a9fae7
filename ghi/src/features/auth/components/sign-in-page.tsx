import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { FormFooter, TextField } from '../../../components/form';
import { ErrorState, Loading } from '../../../components/states';
import { env } from '../../../config/env';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { safeNext, useSession } from '../../../lib/auth';

import { useLogin } from '../api/login';

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address'),
  password: z.string().min(1, 'Enter your password'),
});
type SignInValues = z.infer<typeof signInSchema>;

/** The message above the button for a refused sign-in. */
function refusal(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'Wrong email or password';
  return errorMessage(error);
}

/** Why the gateway sent the browser back from single sign-on (`?sso_error=`), in words. */
const ssoRefusals: Record<string, string> = {
  no_account: 'No CarCar account uses the email you signed in with. Ask an administrator to add you.',
  disabled: 'Your CarCar account is disabled. Ask an administrator.',
  email_not_verified:
    'Your sign-in provider has not verified your email address, so it cannot be matched to an account.',
  expired: 'The sign-in took too long. Please try again.',
  cancelled: 'The sign-in was canceled.',
  unavailable: 'The sign-in provider cannot be reached right now. Please try again later.',
  failed: 'The sign-in could not be completed. Please try again.',
};

function ssoRefusal(code: string | null): string | undefined {
  if (code === null) return undefined;
  return ssoRefusals[code] ?? ssoRefusals.failed;
}

/** "Sign in with <provider>": a plain link, the gateway does the rest and comes back to `next`. */
function SsoLink({ name, next }: { name: string; next: string }) {
  return (
    <p>
      {/* biome-ignore lint/a11y/useSemanticElements: it navigates (to the gateway, then the provider), so it is a link that looks like a button */}
      <a
        role="button"
        className="secondary"
        href={`${env.VITE_AUTH_API_URL}/sso/start?next=${encodeURIComponent(next)}`}
      >
        Sign in with {name}
      </a>
    </p>
  );
}

function SignInForm({ next }: { next: string }) {
  const login = useLogin();
  const navigate = useNavigate();
  const form = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
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
        form.setError('root.server', { type: 'server', message: refusal(error) });
        // A wrong password is typed again; the email usually was right.
        if (error instanceof ApiError && error.status === 401) {
          form.resetField('password');
          form.setFocus('password');
        }
      }
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign in">
      <TextField form={form} name="email" label="Email" type="email" autoComplete="username" />
      <TextField form={form} name="password" label="Password" type="password" autoComplete="current-password" />
      <FormFooter form={form} submit="Sign in" busy="Signing in…" />
    </form>
  );
}

/** `/sign-in?next=/where/they/were`: email and password, then back to where they were going. */
export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const ssoError = ssoRefusal(params.get('sso_error'));
  const session = useSession();
  useEffect(() => {
    document.title = 'Sign in · CarCar';
    return () => {
      document.title = 'CarCar';
    };
  }, []);
  return (
    <main id="main" className="sign-in">
      <article>
        <header>
          <h1>Sign in to CarCar</h1>
          {params.get('next') && !session.data && <p className="muted">Sign in to continue where you were.</p>}
        </header>
        {session.isLoading ? (
          <Loading />
        ) : session.data ? (
          <Navigate to={next} replace />
        ) : (
          <>
            {session.error && <ErrorState error={session.error} retry={() => session.refetch()} />}
            {ssoError && (
              <p role="alert" className="form-error">
                {ssoError}
              </p>
            )}
            {env.SSO_NAME && <SsoLink name={env.SSO_NAME} next={next} />}
            <SignInForm next={next} />
          </>
        )}
      </article>
    </main>
  );
}
