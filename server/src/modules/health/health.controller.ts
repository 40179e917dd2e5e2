import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/roles';

/** Liveness and readiness: 200 when the database answers, 503 when it does not. */
@Controller('health')
export class HealthController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @Public()
  @HttpCode(200)
  async check(@Res({ passthrough: true }) res: Response) {
    const started = Date.now();
    try {
      await this.db.query('SELECT 1');
      return { status: 'ok', database: { status: 'up', latencyMs: Date.now() - started } };
    } catch {
      res.status(503);
      return { status: 'error', database: { status: 'down' } };
    }
  }
}
