import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { runtimeConfigPlugin } from "./runtime-config.ts";

export default defineConfig({
  plugins: [react(), runtimeConfigPlugin()],
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 5173 },
  build: { target: "es2022", sourcemap: false },
  test: {
    environment: "jsdom",
    include: ["test/**/*.test.{ts,tsx}"],
    setupFiles: ["test/setup.ts"],
  },
});
