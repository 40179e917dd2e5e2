import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthUser } from '../../common/auth/auth-user';
import { ADMINS, Roles } from '../../common/auth/roles';
import { badField } from '../../common/graphql/errors';
import { ExportErrorFilter } from '../export/export-error.filter';
import { SubjectAccessFormat, SubjectAccessService } from './subject-access.service';

const CONTENT_TYPES: Record<SubjectAccessFormat, string> = { json: 'application/json; charset=utf-8', html: 'text/html; charset=utf-8' };

/**
 * GET /export/subject-access/:contactId?format=json|html — everything held about a person, for the
 * DPO (admins). Under /export so the client's own /privacy page stays the Angular app's; same bearer token as /graphql.
 */
@Controller('export/subject-access')
@UseFilters(ExportErrorFilter)
export class SubjectAccessController {
  constructor(private readonly subjectAccess: SubjectAccessService) {}

  @Get(':contactId')
  @Roles(...ADMINS)
  async download(@Req() req: Request, @Res() res: Response, @Param('contactId') contactId: string, @Query('format') format: unknown): Promise<void> {
    if (format !== 'json' && format !== 'html') throw badField('format', 'format must be json or html');
    const file = await this.subjectAccess.export(req.user as AuthUser, contactId, format);
    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="${file.name}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(file.body);
  }
}
