import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cors from 'cors';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@vinhdanh/platform';
import { AppModule } from './app.module';
import { MAX_JSON_DEPTH, jsonDepth, validationPipe } from './common/validation';
import { privateByDefault } from './common/cache-control';
import helmet from 'helmet';
import { noteActivity } from './common/activity';
import { WellFormedTextPipe, wellFormedRequest } from './common/well-formed-text';
import { answerRefusedRequests } from './common/client-errors';
import { serveWeb } from './web/serve-web';
import { openApiDocument } from './contract/document';

/** Builds the API application (not yet listening), shared by `main.ts` and the end-to-end tests. */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Text that cannot be stored is refused before validation (docs/security.md, input that cannot freeze a workflow).
  app.useGlobalPipes(new WellFormedTextPipe(), validationPipe());
  // Dossiers carry metadata and hashes, not files: a large body is a mistake or an attack, and so
  // is a deeply nested one (it would exhaust the validators' recursion).
  app.useBodyParser('json', {
    limit: '256kb',
    verify: (_req: unknown, _res: unknown, buf: Buffer) => {
      if (jsonDepth(buf) > MAX_JSON_DEPTH) throw Object.assign(new Error('JSON nested too deep'), { status: 400, type: 'json.too.deep', expose: true });
    },
  });
  app.use(wellFormedRequest);
  // Security headers on every answer (API, docs, web app), no framework banner.
  app.disable('x-powered-by');
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false, strictTransportSecurity: false, frameguard: { action: 'deny' } }));
  app.use(privateByDefault);
  app.use(noteActivity);
  app.enableShutdownHooks();
  answerRefusedRequests(app.getHttpServer());
  if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  // The Temporal Web UI calls the codec endpoint from the browser: only its own origin may.
  const codecOrigins = [...config.codecCorsOrigins, ...(config.temporalUiUrl ? [new URL(config.temporalUiUrl).origin] : [])];
  app.use('/codec', cors({ origin: codecOrigins, methods: ['POST'], allowedHeaders: ['authorization', 'content-type', 'x-namespace'], credentials: true }));
  serveWeb(app);
  const document = openApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
