# Build stage: scripts/build-image.sh installs with dev dependencies, compiles, and assembles the
# runtime tree (production dependencies, compiled output, schemas) in /app. test/container.test.ts
# runs the same script on a clean copy of the repo and starts its output with this ENTRYPOINT.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN scripts/build-image.sh /src /app

# Runtime stage: only what build-image.sh assembled, run by the unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    POLYSECRET_HOST=0.0.0.0 \
    POLYSECRET_PORT=4566 \
    POLYSECRET_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app /app
# The volume must exist and belong to `node` before VOLUME, or Docker creates it owned by root.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4566
VOLUME /data
# node itself checks readiness, so the image needs no curl.
HEALTHCHECK --interval=5s --timeout=3s --start-period=5s --retries=10 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.POLYSECRET_PORT||4566)+'/_emulator/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself, which it answers with a graceful shutdown.
ENTRYPOINT ["node", "dist/src/cli.js"]
