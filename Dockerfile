# Build stage: compile TypeScript with the dev toolchain.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY dialects ./dialects
RUN npm run build

# Runtime stage: production dependencies, compiled code and request schemas only.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    POLYSECRET_HOST=0.0.0.0 \
    POLYSECRET_PORT=4566
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schemas ./schemas
EXPOSE 4566
HEALTHCHECK --interval=5s --timeout=3s --retries=10 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.POLYSECRET_PORT||4566)+'/_emulator/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Runs as PID 1 and stops cleanly on SIGTERM.
ENTRYPOINT ["node", "dist/src/cli.js"]
