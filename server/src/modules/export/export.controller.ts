import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthUser } from '../../common/auth/auth-user';
import { ADMINS, READERS, Roles } from '../../common/auth/roles';
import { ukToday } from '../../common/dates/uk-dates';
import { exportFileName, ExportFormat } from './export-format';
import { ExportErrorFilter } from './export-error.filter';
import { parseFormat } from './export-params';
import { badField } from '../../common/graphql/errors';
import { ExportService } from './export.service';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function startDownload(res: Response, format: ExportFormat, fileName: string) {
  res.status(200);
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  // Personal data: never kept by a proxy or the browser's cache.
  res.setHeader('Cache-Control', 'no-store');
}

/**
 * Streamed downloads of what a list shows (GET /export/organisations?format=csv&filter={…}&search=…)
 * and, for admins, of everything (GET /export/all?format=xlsx). Same bearer token as /graphql.
 */
@Controller('export')
@UseFilters(ExportErrorFilter)
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get('all')
  @Roles(...ADMINS)
  async all(@Req() req: Request, @Res() res: Response, @Query('format') format: unknown): Promise<void> {
    if (format !== undefined && format !== 'xlsx') throw badField('format', 'the full export is one workbook: format must be xlsx');
    startDownload(res, 'xlsx', exportFileName('bce-crm-full-export', ukToday(), 'xlsx'));
    await this.exports.writeAll(req.user as AuthUser, res);
  }

  // Viewers too: an export shows no more than the list they may already read.
  @Get(':list')
  @Roles(...READERS)
  async list(@Req() req: Request, @Res() res: Response, @Param('list') list: string, @Query() query: Record<string, unknown>): Promise<void> {
    const format = parseFormat(query.format);
    const prepared = await this.exports.prepareList(req.user as AuthUser, list, format, query);
    startDownload(res, format, exportFileName(list, ukToday(), format));
    res.setHeader('X-Export-Rows', String(prepared.rows));
    await prepared.write(res);
  }
}
