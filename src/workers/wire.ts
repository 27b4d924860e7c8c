import { UnreadableFileError } from '../documents/errors.ts';
import { AppError, type ErrorKind } from '../domain/errors.ts';

/** What the pool sends a worker: one job at a time. */
export interface JobMessage {
  id: number;
  kind: string;
  input: unknown;
}

/** An error as it crosses the thread boundary (structured clone keeps no class): rebuilt as the same kind of error. */
export type WireError =
  | { type: 'app'; kind: ErrorKind; message: string; details?: unknown }
  | { type: 'unreadable'; message: string }
  | { type: 'error'; message: string; stack?: string };

/** What a worker answers. */
export type ResultMessage = { id: number; ok: true; output: unknown } | { id: number; ok: false; error: WireError };

export function toWire(err: unknown): WireError {
  if (err instanceof AppError) return { type: 'app', kind: err.kind, message: err.message, details: err.details };
  if (err instanceof UnreadableFileError) return { type: 'unreadable', message: err.message };
  const e = err instanceof Error ? err : new Error(String(err));
  return { type: 'error', message: e.message, stack: e.stack };
}

export function fromWire(w: WireError): Error {
  switch (w.type) {
    case 'app':
      return new AppError(w.kind, w.message, w.details);
    case 'unreadable':
      return new UnreadableFileError(w.message);
    case 'error': {
      const e = new Error(w.message);
      if (w.stack) e.stack = w.stack;
      return e;
    }
  }
}
