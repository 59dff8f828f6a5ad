/** Injection token: how a process's /health/ready judges readiness (see HealthController). */
export const READINESS_POLICY = Symbol('READINESS_POLICY');

export interface ReadinessPolicy {
  /** Unready when the case read models are more than this many case events behind the log. */
  readonly maxProjectionLag: number;
  /**
   * true (the notifier, whose only job they are): unready unless the relay publishes and the watcher's last tick
   * went well. false (the embedded default): they are shown but never take the case API out of service.
   */
  readonly processorsRequired: boolean;
}
