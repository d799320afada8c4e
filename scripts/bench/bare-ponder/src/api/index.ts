// Ponder's generated GraphQL over the one table: the benchmark counts the rows through it.
import { db } from "ponder:api";
import schema from "ponder:schema";
import { graphql } from "ponder";
import { Hono } from "hono";

const app = new Hono();
app.use("/graphql", graphql({ db, schema }));

export default app;
