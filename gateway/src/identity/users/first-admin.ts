import type { Logger } from '@carcar/common/service/logger';
import { GATEWAY_ACTOR, STARTUP_REQUEST_ID } from '../audit/trail.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import type { UsersRepository } from './repository.js';

export const GENERATED_ADMIN_EMAIL = 'admin@carcar.local';

export interface FirstAdminOptions {
  /** Production prints no password: it needs CARCAR_ADMIN_EMAIL and CARCAR_ADMIN_PASSWORD instead. */
  production?: boolean;
  users: UsersRepository;
  logger: Logger;
  /** CARCAR_ADMIN_EMAIL and CARCAR_ADMIN_PASSWORD, when both are set. */
  configured?: { email: string; password: string } | undefined;
  /** Where to sign in, for the notice. */
  publicOrigin: string;
  /** Where the one-time notice of a generated password goes (stdout). */
  print: (text: string) => void;
}

/**
 * At start, when there is no user at all, creates the first administrator: from the environment,
 * or with a generated password printed once (there is no default password to leave in place).
 * With any user present it does nothing, so restarts and replicas are harmless.
 */
export async function ensureFirstAdmin(options: FirstAdminOptions): Promise<void> {
  if (await options.users.any()) return;
  if (options.production && !options.configured) {
    throw new Error(
      'Production needs CARCAR_ADMIN_EMAIL and CARCAR_ADMIN_PASSWORD for the first administrator (no user exists yet); a generated password is never printed in production',
    );
  }
  const email = options.configured?.email.trim().toLowerCase() ?? GENERATED_ADMIN_EMAIL;
  const password = options.configured?.password ?? generatePassword();
  const created = await options.users.createIfNone(
    { email, name: 'First administrator', role: 'admin', passwordHash: await hashPassword(password) },
    {
      actor: GATEWAY_ACTOR,
      request_id: STARTUP_REQUEST_ID,
      reason: options.configured
        ? 'The first administrator, from CARCAR_ADMIN_EMAIL at start'
        : 'The first administrator, with a generated password, at start',
    },
  );
  if (!created) return;
  options.logger.info({ userId: created.id, email, generated: !options.configured }, 'first administrator created');
  // Plain text, not a log line: the one time a person must read this password.
  if (!options.configured) options.print(generatedNotice(options.publicOrigin, email, password));
}

function generatedNotice(origin: string, email: string, password: string): string {
  return [
    '',
    '================================================================',
    '  CarCar: the first administrator was created.',
    `  Sign in at  ${origin}`,
    `  Email:      ${email}`,
    `  Password:   ${password}`,
    '  This password is shown only now. Sign in and change it, or set',
    '  CARCAR_ADMIN_EMAIL and CARCAR_ADMIN_PASSWORD before the first start.',
    '================================================================',
    '',
  ].join('\n');
}
