# One image per API: `docker build --build-arg SERVICE=inventory-api .` (compose does this).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY common/package.json common/
COPY inventory-api/package.json inventory-api/
COPY service-api/package.json service-api/
COPY sales-api/package.json sales-api/
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim
ARG SERVICE
ENV NODE_ENV=production SERVICE=${SERVICE}
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY package.json tsconfig.base.json ./
COPY common common
COPY ${SERVICE} ${SERVICE}
USER node
WORKDIR /app/${SERVICE}
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8100)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
