import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { Link, navigate } from '../lib/router';
import { useSession } from '../session';

export function AuthForm({ mode, email: knownEmail = '' }: { mode: 'login' | 'signup'; email?: string }) {
  const { signIn } = useSession();
  const [email, setEmail] = useState(knownEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const title = mode === 'signup' ? 'Create an account' : 'Log in';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(mode, email, password);
      if (location.pathname === '/login' || location.pathname === '/signup') navigate('/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) =>
    error?.field === field ? <p id={`${field}-error`} className="error">{error.message}</p> : null;

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="auth-title" noValidate>
      <h2 id="auth-title">{title}</h2>
      <label>
        Email
        <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error?.field === 'email'} aria-describedby={error?.field === 'email' ? 'email-error' : undefined} />
      </label>
      {fieldError('email')}
      <label>
        Password
        <input type="password" autoComplete={mode === 'signup' ? 'new-password' : 'current-password'} required
          value={password} onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error?.field === 'password'} aria-describedby={error?.field === 'password' ? 'password-error' : undefined} />
      </label>
      {mode === 'signup' && <p className="hint">At least 10 characters; a few words make a good one.</p>}
      {fieldError('password')}
      {error && !error.field && <p className="error" role="alert">{error.message}</p>}
      <button type="submit" className="primary" disabled={busy}>{title}</button>
      {!knownEmail && (mode === 'signup'
        ? <p>Have an account? <Link href="/login">Log in</Link></p>
        : <p>New here? <Link href="/signup">Create an account</Link></p>)}
    </form>
  );
}
