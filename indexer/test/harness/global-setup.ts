// Vitest global setup: with TEST_DATABASE=postgres, one private PostgreSQL for the whole run;
// its URL reaches the suites as TEST_POSTGRES_URL.
import type { TestProject } from "vitest/node";
import { startPostgres, type PostgresServer } from "./postgres.ts";

let server: PostgresServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_DATABASE !== "postgres") return;
  server = await startPostgres();
  process.env.TEST_POSTGRES_URL = server.url;
  project.provide("postgresUrl", server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
