import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import * as fs from 'node:fs';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AuthGuard } from './common/auth/auth.guard';
import { AuthUser } from './common/auth/auth-user';
import { AuthUserCache } from './common/auth/auth-user-cache';
import { JwtStrategy } from './common/auth/jwt.strategy';
import { ApiKeyStrategy } from './common/auth/api-key.strategy';
import { JWT_SECRET } from './common/auth/jwt-secret';
import { dataSourceOptions } from './common/database/data-source-options';
import { createLoaders } from './common/dataloader/loaders';
import { formatError } from './common/graphql/errors';
import { APP_LOGGER, appLogger, requestLogging, requestLogOptions } from './common/http/request-logging';
import { errorLoggingPlugin } from './common/graphql/error-logging';
import { GraphQLErrorFilter } from './common/graphql/graphql-error.filter';
import { aliasLimitRule, complexityPlugin, depthLimitRule, MAX_TOKENS } from './common/graphql/query-limits';
import { appValidationPipe } from './common/graphql/validation';
import { noStorePlugins } from './common/graphql/no-store';
import { APP_CONFIG } from './config/app-config.token';
import { AppConfig } from './config/env';
import { graphqlUploadExpress } from 'graphql-upload-minimal';
import { DepartmentModule } from './modules/department/department.module';
import { HealthController } from './modules/health/health.controller';
import { ImportModule } from './modules/import/import.module';
import { MAX_UPLOAD_BYTES } from './modules/import/read-spreadsheet';
import { OrganisationModule } from './modules/organisation/organisation.module';
import { AssessmentModule } from './modules/assessment/assessment.module';
import { AuditModule } from './modules/audit/audit.module';
import { ContactModule } from './modules/contact/contact.module';
import { EngagementModule } from './modules/engagement/engagement.module';
import { MyDayModule } from './modules/my-day/my-day.module';
import { OpportunityModule } from './modules/opportunity/opportunity.module';
import { RelationshipHealthModule } from './modules/relationship-health/relationship-health.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SearchModule } from './modules/search/search.module';
import { TaskModule } from './modules/task/task.module';
import { TimelineModule } from './modules/timeline/timeline.module';
import { UserModule } from './modules/user/user.module';
import { DuplicatesModule } from './modules/duplicates/duplicates.module';
import { MergeModule } from './modules/merge/merge.module';
import { DataQualityModule } from './modules/data-quality/data-quality.module';
import { ExportModule } from './modules/export/export.module';
import { IntegrationsModule } from './modules/integrations/integrations.module';
import { SsoModule } from './modules/sso/sso.module';
import { PrivacyModule } from './modules/privacy/privacy.module';

export interface AppOptions {
  config: AppConfig;
  databaseUrl: string;
  jwtSecret: string;
}

@Module({})
export class AppModule implements NestModule {
  /** Multipart requests to /graphql carry uploads (startImport); one file, capped before it is read in full. */
  constructor(@Inject(APP_LOGGER) private readonly logger: Logger) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestLogging(this.logger)).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
    consumer.apply(graphqlUploadExpress({ maxFileSize: MAX_UPLOAD_BYTES, maxFiles: 1 })).forRoutes('graphql');
  }

  static forRoot({ config, databaseUrl, jwtSecret }: AppOptions): DynamicModule {
    const production = config.nodeEnv === 'production';
    const logger = appLogger(config.logLevel);
    const serveClient = fs.existsSync(config.clientDir)
      ? [ServeStaticModule.forRoot({ rootPath: config.clientDir, exclude: ['/graphql{*path}', '/health{*path}', '/export{*path}', '/auth{*path}'] })]
      : [];
    return {
      module: AppModule,
      global: true,
      imports: [
        // The app's Logger and PinoLogger (workers, Nest's own lines) write through `logger`. Its
        // request middleware is mounted nowhere: AppModule.configure logs requests without it.
        LoggerModule.forRoot({ pinoHttp: requestLogOptions(logger), forRoutes: [] }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        PassportModule,
        JwtModule.register({ global: true, secret: jwtSecret, signOptions: { expiresIn: '12h', algorithm: 'HS256' } }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [DataSource, GraphQLSchemaHost],
          useFactory: (db: DataSource, schemaHost: GraphQLSchemaHost) => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            playground: false,
            // Production answers no questions about the schema: no introspection, no "Did you mean…?".
            introspection: !production,
            hideSchemaDetailsFromClientErrors: production,
            includeStacktraceInErrorResponses: false,
            // One operation per request, JSON or multipart: a batch would multiply every per-request limit.
            allowBatchedHttpRequests: false,
            parseOptions: { maxTokens: MAX_TOKENS },
            validationRules: [depthLimitRule, aliasLimitRule()],
            plugins: [...noStorePlugins(), complexityPlugin(() => schemaHost.schema), errorLoggingPlugin(logger)],
            // Keep the status an error asks for (429 with Retry-After when over a rate limit) rather than Nest's 200.
            preserveHttpStatusForExecutionErrors: false,
            // What the client sees; errorLoggingPlugin logs the unexpected ones with the request's logger.
            formatError: (formatted, error) => formatError(formatted, error),
            context: ({ req }: { req: { user: AuthUser } }) => ({ req, loaders: createLoaders(db, () => req.user) }),
          }),
        }),
        ...serveClient,
        UserModule,
        DepartmentModule,
        OrganisationModule,
        ContactModule,
        EngagementModule,
        TaskModule,
        TimelineModule,
        SearchModule,
        AuditModule,
        MyDayModule,
        OpportunityModule,
        RelationshipHealthModule,
        ReportsModule,
        AssessmentModule,
        ImportModule,
        DuplicatesModule,
        MergeModule,
        DataQualityModule,
        ExportModule,
        IntegrationsModule,
        SsoModule,
        PrivacyModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: JWT_SECRET, useValue: jwtSecret },
        // One per app: the JWT strategy reads it, the user and SSO services drop what they change.
        { provide: AuthUserCache, useValue: new AuthUserCache() },
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_LOGGER, useValue: logger },
        JwtStrategy,
        ApiKeyStrategy,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useFactory: appValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
      ],
      exports: [APP_CONFIG, JWT_SECRET, AuthUserCache],
    };
  }
}
