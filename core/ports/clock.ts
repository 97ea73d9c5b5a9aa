/** Time and ids are injected: nothing in core reads the system clock or randomness. */
export interface Clock {
  /** Milliseconds since the epoch, platform time. */
  now(): number;
}

export interface IdSource {
  /** A new unique id with a readable prefix, e.g. `c_…` for cases. */
  next(prefix: string): string;
}
