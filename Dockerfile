# The service image: compiled JavaScript only (no tsx, no TypeScript, no local-database launcher).
# The build stage compiles src/ to dist/; the runtime stage has production dependencies and the
# files the service reads at run time. NEO4J_URI must be set (docker-compose.yml does).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY neo4j-local ./neo4j-local
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist/src ./dist/src
COPY schema.graphql ./
COPY cypher ./cypher
COPY ingest ./ingest
COPY src/dashboard/public ./src/dashboard/public
EXPOSE 4000
USER node
CMD ["node", "dist/src/main.js"]
