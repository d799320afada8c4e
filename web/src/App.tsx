// Providers and routes. Every page is its own chunk, loaded when visited, so the landing page
// carries only what it shows (the bundle budget is in docs/benchmarks.md).
import { lazy, Suspense } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { WagmiProvider } from "wagmi";
import { BrowserRouter, Route, Routes } from "react-router";
import { wagmiConfig } from "./wagmi.ts";
import { Layout } from "./components/Layout.tsx";

const Explore = lazy(() => import("./pages/Explore.tsx"));
const Campaign = lazy(() => import("./pages/Campaign.tsx"));
const Staking = lazy(() => import("./pages/Staking.tsx"));
const Checkout = lazy(() => import("./pages/Checkout.tsx"));
const Merchant = lazy(() => import("./pages/Merchant.tsx"));
const Account = lazy(() => import("./pages/Account.tsx"));
const NotFound = lazy(() => import("./pages/NotFound.tsx"));

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 1_000 } } });

export function App() {
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Layout>
            <Suspense fallback={<p role="status">Loading…</p>}>
              <Routes>
                <Route path="/" element={<Explore />} />
                <Route path="/campaigns/:address" element={<Campaign />} />
                <Route path="/staking" element={<Staking />} />
                <Route path="/staking/:pool" element={<Staking />} />
                <Route path="/checkout/:sessionId" element={<Checkout />} />
                <Route path="/merchant" element={<Merchant />} />
                <Route path="/account" element={<Account />} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </Layout>
        </BrowserRouter>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
