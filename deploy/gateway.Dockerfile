# The gateway image, the one front door: it serves the browser app built into it (GHI_DIST) and
# forwards the API paths to the services. From the repository root:
#   docker build -f deploy/gateway.Dockerfile -t carcar/gateway .
# The dealership's time zone and name are not built in: the gateway reads TIMEZONE and
# DEALERSHIP_NAME at start and hands them to the app in /config.js; give service-api the same TIMEZONE.
ARG NODE_IMAGE=node:20-bookworm-slim

# What `npm ci` reads and nothing else (see deploy/api.Dockerfile).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN node deploy/workspace-manifests.mjs /src /manifests

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY --from=manifests /manifests/ ./
COPY tsconfig.base.json ./
RUN npm ci --no-audit --no-fund
COPY scripts/build.mjs scripts/build-apis.mjs scripts/
COPY common common
COPY gateway gateway
COPY ghi ghi
RUN node scripts/build.mjs --only gateway
RUN npm run build -w ghi

# Only the packages the gateway needs at run time (the browser app's are in its build).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --no-audit --no-fund --workspace gateway

FROM ${NODE_IMAGE}
ENV NODE_ENV=production PORT=3000 DATA_DIR=/tmp/carcar GHI_DIST=/app/ghi/dist
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY gateway/package.json gateway/
COPY gateway/drizzle gateway/drizzle
COPY --from=build /app/gateway/dist gateway/dist
COPY --from=build /app/ghi/dist ghi/dist
USER node
WORKDIR /app/gateway
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/main.js"]
