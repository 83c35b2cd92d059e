/**
 * A problem with an input, a person's to fix: the file, row and column, what is wrong and how
 * to fix it. The pipeline prints them (pipeline/errors.ts); the contribute page lists them.
 */
export interface Problem {
  /** Stable machine-readable code, e.g. `HASH_MISMATCH`, `DUPLICATE_CODE`. */
  code: string;
  /** Path of the file, relative to the repository's data/ folder. */
  file: string;
  /** 1-based line in the file (the header is row 1), when the problem is in one row. */
  row?: number;
  /** Column name, when the problem is in one column. */
  column?: string;
  /** The offending value, as read. */
  value?: string;
  message: string;
  /** How to fix it, in one sentence. */
  fix: string;
}
