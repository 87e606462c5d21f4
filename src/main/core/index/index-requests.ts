import { AppError, isAppError, type AppErrorShape } from '../../../shared/errors';
import { isDamage } from '../store/database';
import type { SqlDatabase, SqlStatement } from '../store/sql-port';
import { createIndexProcedures } from './index-procedures';
import type { IndexRequest, SqlParams, SqlValue } from './index-protocol';

/** Statements kept prepared; a sync uses a handful, so this only bounds a caller that builds SQL. */
const statementCacheSize = 64;

/**
 * Answers index requests against the worker's connection: reads with `get`/`all`, and writes as
 * one transaction per request (every step, every row, or none). Runs inside the index worker.
 */
export class IndexRequestHandler {
  private readonly statements = new Map<string, SqlStatement>();
  private readonly procedures: Record<string, (args: never) => unknown>;

  constructor(private readonly db: SqlDatabase) {
    this.procedures = createIndexProcedures(db, {
      get: <T>(sql: string, params: SqlParams = []) => bind(this.statement(sql), params, 'get') as T | undefined,
      all: <T>(sql: string, params: SqlParams = []) => bind(this.statement(sql), params, 'all') as T[],
    });
  }

  /** The value to send back; throws (an AppError) when the request fails, with nothing written. */
  handle(request: IndexRequest): unknown {
    switch (request.op) {
      case 'get':
        return bind(this.statement(request.sql), request.params, 'get');
      case 'all':
        return bind(this.statement(request.sql), request.params, 'all');
      case 'write':
        return this.db.transaction(() => {
          let changes = 0;
          for (const step of request.steps) {
            const statement = this.statement(step.sql);
            for (const row of step.rows) changes += (bind(statement, row, 'run') as { changes: number }).changes;
          }
          return { changes };
        })();
      case 'call': {
        const procedure = this.procedures[request.name];
        if (!procedure) throw new AppError('Internal', `The object index has no procedure “${request.name}”.`);
        return procedure(request.args as never);
      }
    }
  }

  private statement(sql: string): SqlStatement {
    let statement = this.statements.get(sql);
    if (statement) {
      // Most recently used last, so the first key is the one to drop.
      this.statements.delete(sql);
    } else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= statementCacheSize) this.statements.delete(this.statements.keys().next().value ?? '');
    }
    this.statements.set(sql, statement);
    return statement;
  }
}

function bind(statement: SqlStatement, params: SqlParams, method: 'get' | 'all' | 'run'): unknown {
  if (Array.isArray(params)) return statement[method](...(params as readonly SqlValue[]).map(toBindable));
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params as Readonly<Record<string, SqlValue>>)) named[name] = toBindable(value);
  return statement[method](named);
}

/** better-sqlite3 binds blobs from Buffers; structured cloning turns Buffers into plain Uint8Arrays. */
function toBindable(value: SqlValue): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

/** Any failure as the shape sent back to main: AppErrors as they are, SQLite errors as Internal. */
export function indexErrorShape(error: unknown): AppErrorShape {
  if (isAppError(error)) return error.toShape();
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  if (isDamage(error)) {
    return new AppError(
      'StorageCorrupt',
      `The object index is damaged (${message}). Restart Bucket Admin: it sets the damaged file aside and starts a fresh index, which a sync fills again from S3.`,
      { sqliteCode: code },
    ).toShape();
  }
  return new AppError(
    'Internal',
    `The object index could not answer (${message}); nothing was written by that request. Try again; if it keeps failing, please report it.`,
    typeof code === 'string' ? { sqliteCode: code } : undefined,
  ).toShape();
}
