# The service image: runs the TypeScript sources with tsx (no build step).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json schema.graphql ./
COPY src ./src
COPY cypher ./cypher
# src/app.ts imports the local launcher (used only when NEO4J_URI is unset).
COPY neo4j-local ./neo4j-local
COPY ingest ./ingest
EXPOSE 4000
USER node
CMD ["node", "--import", "tsx", "src/main.ts"]
