// A real PostgreSQL for the indexer tests: a private cluster (apt's postgresql, `initdb` into a
// temp dir, on a free port) started once per test run when TEST_DATABASE=postgres. Each indexer
// the tests start gets a database of its own in it.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, waitFor } from "./wait.ts";

function binary(name: string): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort().reverse() : [];
  for (const version of versions) {
    const candidate = path.join(root, version, "bin", name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`PostgreSQL's ${name} is not installed: apt-get install -y postgresql (.ci/run does)`);
}

/** As root, PostgreSQL's tools run as the `postgres` user (initdb refuses root). */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

export interface PostgresServer {
  /** Connection URL of the server's `postgres` database. */
  url: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<PostgresServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "crowdstake-pg-"));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  const user = postgresUser();
  execFileSync(binary("initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"], { stdio: "pipe", ...user });
  const serverArgs = [
    "-D", dataDir, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1",
    "-c", "fsync=off", "-c", "max_connections=200", "-c", "shared_buffers=64MB",
  ];
  const server = spawn(binary("postgres"), serverArgs, { stdio: ["ignore", "ignore", "pipe"], ...user });
  let log = "";
  server.stderr?.on("data", (chunk) => (log += chunk));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const { default: pg } = await import("pg");
  const admin = async <T>(work: (client: InstanceType<typeof pg.Client>) => Promise<T>) => {
    const client = new pg.Client({ connectionString: url });
    // A failed connect leaves nothing to end (and end() would then never settle).
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  await waitFor(() => probe(url), `PostgreSQL on port ${port} (log: ${log})`, 30_000);
  return {
    url,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      await admin((client) => client.query(`CREATE DATABASE ${name}`));
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      server.kill("SIGINT");
      await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** True once the server accepts a connection; a fresh client each time, closed on every path. */
async function probe(url: string): Promise<boolean> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
  } catch {
    return false;
  }
  await client.end();
  return true;
}
