/**
 * A schema built on its first use and kept for the process's life. Every input schema is one of these
 * (core/schemas/*.ts), so a cold function instance builds none at `require`, and its first call builds
 * only the schemas of the action it runs (zod v4 clones a schema for every `.min()`, `.max()`,
 * `.regex()`: building all of a function's schemas at load was most of its cold start, bench §5).
 * The type of what it builds: `ReturnType<typeof builder>`; `action()` (core/api/action.ts) takes the
 * builder itself.
 */
export function lazy<S>(build: () => S): () => S {
  let built: { schema: S } | undefined;
  return () => (built ??= { schema: build() }).schema;
}
