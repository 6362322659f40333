/**
 * Database faults the service cannot work around: a read-only or full disk, a file it cannot
 * open, an I/O error (SQLite), or a PostgreSQL server it cannot reach. They are answered with
 * 503 and a clear page rather than a crash (issue 9, faults).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  return /^SQLITE_(READONLY|CANTOPEN|FULL|IOERR|CORRUPT|NOTADB)/.test(code) || ["ECONNREFUSED", "ENOTFOUND", "57P01", "57P03", "53300"].includes(code);
}
