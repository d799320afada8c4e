// The merchant's payment sessions (checkout links) with their status, and a way to make one.
// An unpaid link can be cancelled on-chain (cancelIntent), so nobody can pay it afterwards.
import { useState } from "react";
import type { Address, Hex } from "viem";
import { useAccount } from "wagmi";
import { TxStatus } from "../components/TxStatus.tsx";
import { contractAddress } from "../config.ts";
import { useGraphQL } from "../hooks/useGraphQL.ts";
import { useTx } from "../hooks/useTx.ts";
import { paymentEscrowAbi } from "../lib/contracts.ts";
import { formatAmount, formatDate } from "../lib/format.ts";
import { StatusBadge } from "../checkout/StatusBadge.tsx";
import { useTokenInfo } from "../checkout/useTokenInfo.ts";
import type { MerchantAuth } from "./auth.ts";
import { ConfirmButton } from "./ConfirmButton.tsx";
import { CopyButton } from "./CopyButton.tsx";
import { CreateSessionForm } from "./CreateSessionForm.tsx";
import { Pager } from "./Pager.tsx";
import { SESSIONS_QUERY, type MerchantSessionRow, type SessionsAnswer } from "./queries.ts";
import { useReportApiError } from "./useApiAction.ts";
import { useCursorPages } from "./useCursorPages.ts";
import { ScrollArea } from "./ScrollArea.tsx";

const when = (iso: string) => formatDate(Date.parse(iso) / 1_000);

function CancelSession({ session, name }: { session: MerchantSessionRow; name: string }) {
  const { address } = useAccount();
  const tx = useTx();
  const escrow = contractAddress("PaymentEscrow");
  if (!escrow || !address) return null;
  return (
    <>
      <ConfirmButton
        question="Cancel this link? It can never be paid afterwards."
        confirmLabel="Cancel link"
        ariaLabel={`Cancel ${name}`}
        disabled={tx.busy}
        onConfirm={async () => {
          await tx.write("Cancel link", { address: escrow, abi: paymentEscrowAbi, account: address as Address, functionName: "cancelIntent", args: [session.id as Hex] });
        }}
      >
        Cancel
      </ConfirmButton>
      <TxStatus state={tx.state} />
    </>
  );
}

export function SessionsPanel({ auth }: { auth: MerchantAuth }) {
  const pages = useCursorPages();
  const [created, setCreated] = useState<string>();
  const { data, error, isLoading } = useGraphQL<SessionsAnswer>(["merchant-sessions"], SESSIONS_QUERY, { first: 10, after: pages.after }, { token: auth.token, refetchInterval: 5_000 });
  useReportApiError(error, auth.onApiError);
  const items = data?.paymentSessions.items ?? [];
  const { byToken } = useTokenInfo(items.map((session) => session.intent.token));

  return (
    <section className="card stack" aria-labelledby="sessions-title" id="sessions">
      <h2 id="sessions-title">Payment sessions</h2>
      {isLoading && <p role="status">Loading sessions…</p>}
      {error && <p className="error" role="alert">Could not load sessions: {error.message}</p>}
      {data && items.length === 0 && <p>No payment sessions yet.</p>}
      {items.length > 0 && (
        <ScrollArea label="Payment sessions">
          <table>
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Amount</th>
                <th scope="col">Status</th>
                <th scope="col">Expires</th>
                <th scope="col">Checkout link</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {items.map((session) => {
                const token = byToken[session.intent.token.toLowerCase()];
                const amount = token ? formatAmount(session.intent.amount, token.decimals, token.symbol, token.decimals) : `${session.intent.amount} units`;
                const name = `checkout link of ${amount} created ${when(session.createdAt)}`;
                return (
                  <tr key={session.id}>
                    <td className="nowrap">{when(session.createdAt)}</td>
                    <td className="nowrap">{amount}</td>
                    <td>
                      <StatusBadge status={session.status} />
                    </td>
                    <td className="nowrap">{when(session.expiresAt)}</td>
                    <td>
                      <a href={session.checkoutUrl} aria-label={`Open ${name}`}>
                        Open
                      </a>{" "}
                      <CopyButton value={session.checkoutUrl} label="Copy link" />
                    </td>
                    <td>{session.status === "pending" && auth.walletIsMerchant ? <CancelSession session={session} name={name} /> : <span className="muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollArea>
      )}
      <Pager
        label="Sessions"
        page={pages.page}
        hasPrevious={pages.hasPrevious}
        hasNext={Boolean(data?.paymentSessions.pageInfo.hasNextPage)}
        onPrevious={pages.previous}
        onNext={() => pages.next(data?.paymentSessions.pageInfo.endCursor ?? null)}
      />
      {created && (
        <p role="status">
          Checkout link created: <a href={created}>{created}</a> <CopyButton value={created} label="Copy link" />
        </p>
      )}
      <CreateSessionForm auth={auth} onCreated={setCreated} />
    </section>
  );
}
