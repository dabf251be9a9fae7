import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { FormFooter, TextField } from '../../../components/form';
import { ErrorState, Loading } from '../../../components/states';
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
            <SignInForm next={next} />
          </>
        )}
      </article>
    </main>
  );
}
