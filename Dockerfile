# syntax=docker/dockerfile:1
# The broker image: `docker build -t webrtc-broker .`, then
#   docker run --rm --network host webrtc-broker coordinator --host 0.0.0.0
#   docker run --rm --network host webrtc-broker commserver --coordinator-url ws://127.0.0.1:9090
# Options are flags, BROKER_* variables or a --config file (docs/CONFIGURATION.md).

# Build: the same commands as CI (.ci/run): npm ci (no install scripts of our
# own), npm run build, which also writes our patched copy of werift's bundle
# to dist/werift (patches/README.md); `npm prune --omit=dev` then drops the dev
# dependencies (werift's published package among them), so the runtime stage
# copies node_modules as is and never runs npm.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
RUN npm prune --omit=dev --ignore-scripts && rm -rf dist/test dist/bench

# Runtime: Node, production dependencies and the compiled broker; no npm run, non-root.
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/proto ./proto
COPY --from=build /app/demo ./demo
USER node
ENTRYPOINT ["node", "dist/cli/broker.js"]
CMD ["--help"]
