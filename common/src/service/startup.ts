import { DataFolderInUse } from './backup.js';

/**
 * A process that cannot start says so in one line on standard error (which process, what went
 * wrong, what to do) and exits with 1, rather than a stack trace that `npm start` interleaves
 * with three other processes' output.
 */
export function startupFailure(processName: string, step: string, error: unknown): string {
  return `${processName}: could not ${step}: ${explain(error)}`;
}

function explain(error: unknown): string {
  if (error instanceof DataFolderInUse) return error.message;
  const failure = error as NodeJS.ErrnoException & { address?: string; port?: number };
  switch (failure?.code) {
    case 'EADDRINUSE':
      return `port ${failure.port ?? '?'} is already in use (another CarCar still running or stopping, or another program): stop it, or set PORT`;
    case 'EACCES':
      return failure.port !== undefined
        ? `not allowed to listen on port ${failure.port}: choose a port above 1023 (PORT)`
        : `permission denied: ${failure.message}`;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
      return `the database server does not answer (${failure.message}): is Postgres running, and is DATABASE_URL right?`;
    default:
      break;
  }
  const message = error instanceof Error ? error.message : String(error);
  // A failed query's text can be long (a migration's SQL); the first line names the problem.
  return (message.split('\n')[0] ?? message).slice(0, 500);
}

/**
 * Awaits one start-up step; on failure writes the one line, runs `cleanup` (close an embedded
 * database already open, so the next start needs no crash recovery) and exits.
 */
export async function startupStep<T>(
  processName: string,
  step: string,
  work: Promise<T>,
  cleanup?: () => Promise<void>,
): Promise<T> {
  try {
    return await work;
  } catch (error) {
    process.stderr.write(`${startupFailure(processName, step, error)}\n`);
    await cleanup?.().catch(() => undefined);
    process.exit(1);
  }
}
