import { SecurityError } from './security-error';

/** A security setting is unusable (a secret too short, a bad URL...). Thrown at start-up, never per request. */
export class SecurityConfigError extends SecurityError {
  readonly code = 'security.config-invalid';
  constructor(message: string) {
    super(message);
    this.name = 'SecurityConfigError';
  }
}
