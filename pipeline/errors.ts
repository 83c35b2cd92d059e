/**
 * Problems with the inputs are the user's to fix: each names the file, row and column,
 * what is wrong and how to fix it. They are collected, never thrown one at a time, and
 * become an {@link InputError} that the CLI prints without a stack trace.
 * A broken assumption in our own code is a bug and is thrown as a plain Error.
 */
export type { Problem } from '../src/lib/problem.ts';
import type { Problem } from '../src/lib/problem.ts';

/** Thrown by a stage when its input is unusable; carries every problem found. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the input data`);
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** Throws an InputError if any problems were collected. */
export function failIfAny(problems: Problem[]): void {
  if (problems.length > 0) throw new InputError(problems);
}

/** One problem as a line a person can act on. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.row !== undefined ? `row ${p.row}` : '', p.column !== undefined ? `column "${p.column}"` : '']
    .filter(Boolean)
    .join(', ');
  const value = p.value !== undefined ? ` (value: ${JSON.stringify(p.value.length > 60 ? p.value.slice(0, 60) + '…' : p.value)})` : '';
  return `${p.code}: ${where}: ${p.message}${value}\n    fix: ${p.fix}`;
}
