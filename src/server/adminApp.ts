import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Request, type Response } from 'express';
import { createAdminRouter, type AdminOptions } from './admin.js';
import { createDiagnosticsRouter, type DiagnosticsOptions } from './diagnostics.js';
import { INTERNAL_ERROR, sendJson } from './http.js';

/** What the admin app serves from, and where requests for no admin route go. */
export interface AdminAppOptions extends AdminOptions, DiagnosticsOptions {
  /** Answers what no admin route matched (the dialects say that nothing matched). */
  fallback(req: IncomingMessage, res: ServerResponse): void;
}

/** The express app of the admin API under /_emulator/ (health aside) and /moto-api/. */
export function createAdminApp(options: AdminAppOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(createAdminRouter(options));
  app.use(createDiagnosticsRouter(options));
  app.use((req: Request, res: Response) => options.fallback(req, res));
  app.use((error: unknown, _req: Request, res: Response, _next: unknown) => {
    options.logger.error(`unhandled: ${(error as Error)?.stack ?? String(error)}`);
    if (!res.headersSent) sendJson(res, 500, INTERNAL_ERROR);
  });
  return app;
}
