# Xiaoning's production image: built in one stage with every development tool, run in another with the
# production dependencies and the compiled output only, as an unprivileged user.
# Not built in this project's CI (no Docker there); the same steps are proven by deploy/check-production-install.sh.

# --- build: TypeScript → dist/, the widget, the column pages and the admin panel ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- production dependencies only (no Vite, TypeScript, jest…) ---
FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- run ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/xiaoning
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist ./dist
COPY --from=build /app/webchat/dist ./webchat/dist
COPY --from=build /app/admin/dist ./admin/dist
# The `node` user of the base image (uid 1000) owns only the data folder; the code stays read-only to it.
RUN mkdir -p /var/lib/xiaoning && chown node:node /var/lib/xiaoning
USER node
VOLUME ["/var/lib/xiaoning"]
EXPOSE 3000
# /api/health answers 200 while the essential components (database, chat model) answer, 503 otherwise.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/server/main.js"]
