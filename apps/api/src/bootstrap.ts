import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cors from 'cors';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@vinhdanh/platform';
import { AppModule } from './app.module';
import { validationPipe } from './common/validation';
import { serveWeb } from './web/serve-web';

/** Builds the API application (not yet listening), shared by `main.ts` and the end-to-end tests. */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(validationPipe());
  // Dossiers carry metadata and hashes, not files: a large body is a mistake or an attack.
  app.useBodyParser('json', { limit: '256kb' });
  app.enableShutdownHooks();
  // The Temporal Web UI calls the codec endpoint from the browser: only its own origin may.
  const codecOrigins = [...config.codecCorsOrigins, ...(config.temporalUiUrl ? [new URL(config.temporalUiUrl).origin] : [])];
  app.use('/codec', cors({ origin: codecOrigins, methods: ['POST'], allowedHeaders: ['authorization', 'content-type', 'x-namespace'], credentials: true }));
  serveWeb(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vinh Danh API')
      .setDescription('Quy trình xét tặng danh hiệu thi đua, hình thức khen thưởng — award nominations up the ladder unit → province → central.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
