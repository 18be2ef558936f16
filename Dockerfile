# Build stage: scripts/build-image.sh installs dependencies (dev for the build, production for the
# runtime tree), then compiles and assembles the runtime tree in /app. test/container.test.ts runs the
# same script on a clean copy of the repo and starts its output with this ENTRYPOINT.
# Node 22: a maintained LTS line (Node 20 is end of life).
FROM node:22-bookworm-slim AS build
WORKDIR /src
# Dependencies first, from the manifest and lockfile only: this layer stays cached while only sources change.
COPY package.json package-lock.json ./
COPY scripts/build-image.sh scripts/
RUN scripts/build-image.sh deps /src /app
COPY . .
RUN scripts/build-image.sh assemble /src /app

# Runtime stage: only what build-image.sh assembled, run by the unprivileged `node` user.
FROM node:22-bookworm-slim
# The URL file lets the HEALTHCHECK find the server wherever it listens, also on a port set by `--port`.
ENV NODE_ENV=production \
    POLYSECRET_HOST=0.0.0.0 \
    POLYSECRET_PORT=4566 \
    POLYSECRET_DATA_DIR=/data \
    POLYSECRET_URL_FILE=/tmp/polysecret.url \
    POLYSECRET_INIT_DIR=/etc/polysecret/init/ready.d
WORKDIR /app
COPY --from=build /app /app
# The volume must exist and belong to `node` before VOLUME, or Docker creates it owned by root.
# Init hooks are mounted into ready.d (README "Init hooks"); an empty directory runs nothing.
RUN mkdir -p /data /etc/polysecret/init/ready.d && chown node:node /data
USER node
EXPOSE 4566
VOLUME /data
# node itself checks readiness (dist/src/healthcheck.js reads the URL file), so the image needs no curl.
HEALTHCHECK --interval=5s --timeout=3s --start-period=5s --retries=10 \
  CMD ["node", "dist/src/healthcheck.js"]
# Exec form: node is PID 1 and receives SIGTERM itself, which it answers with a graceful shutdown.
ENTRYPOINT ["node", "dist/app/cli.js"]
