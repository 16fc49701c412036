// Exports: GET /halls/:hallId/reports/:kind.(csv|xlsx) (API.md; kinds daily, tickets, ratings,
// contractor) and GET /halls/:hallId/reports/haochaping.json, the ratings and follow-ups in the
// provincial 好差评 upload format (docs/haochaping-export.md).
import { Router } from 'express';
import { StatsQuery } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { parse } from '../http/validate';
import { ownHall } from '../services/core';
import { AppError } from '../services/errors';
import { haochapingExport } from '../services/reports/haochaping';
import { buildReport, CONTENT_TYPES, isReportFormat, isReportKind, writeReport } from '../services/reports/report-service';
import { reportInput } from '../services/reports/report-source';

export function reportsRouter(deps: AppDeps): Router {
  const r = Router();

  // `:kind` holds the file name, kind and format (daily.csv), split at the last dot.
  r.get('/halls/:hallId/reports/:kind', deps.authenticate, deps.allow('admin', 'supervisor'), async (req, res) => {
    const { hall } = ownHall(deps, deps.identity(res), req.params.hallId as string);
    const file = req.params.kind as string;
    const dot = file.lastIndexOf('.');
    const kind = file.slice(0, dot);
    const format = file.slice(dot + 1);
    const json = kind === 'haochaping' && format === 'json';
    if (dot < 1 || (!json && !(isReportKind(kind) && isReportFormat(format)))) {
      throw new AppError('not_found', `no report ${file}: kinds daily, tickets, ratings, contractor as .csv or .xlsx, or haochaping.json`);
    }
    const q = parse(StatsQuery, req.query);
    const now = deps.clock();
    const input = reportInput(deps.repos, hall, { from: q.from, to: q.to }, now);
    if (json) {
      res.setHeader('Content-Disposition', `attachment; filename="haochaping-${q.from}-${q.to}.json"`);
      res.json(haochapingExport(input, new Date(now).toISOString()));
      return;
    }
    if (!isReportKind(kind) || !isReportFormat(format)) return;
    const report = buildReport(kind, input);
    const body = await writeReport(report, format);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="${report.fileName}.${format}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
  });
  return r;
}
