# One image for the api, the worker and the migrator (the compose file picks the command).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps apps
COPY libs libs
COPY workflows workflows
COPY activities activities
COPY bench bench
COPY scripts scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# Decision documents are set in Liberation Serif 2 (Times New Roman's metrics, Decree 30; every Vietnamese letter).
# openssl: the temporal-certs service makes the deployment's Temporal certificates (mutual TLS).
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends fonts-liberation2 openssl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
