// /staking lists the pools; /staking/:pool is one pool (see src/staking/).
import { useParams } from "react-router";
import { getAddress, isAddress } from "viem";
import { PoolList } from "../staking/PoolList.tsx";
import { PoolPage } from "../staking/PoolPage.tsx";

export default function Staking() {
  const { pool } = useParams();
  if (pool === undefined) return <PoolList />;
  if (!isAddress(pool, { strict: false })) {
    return (
      <>
        <h1>Staking pool</h1>
        <p className="error" role="alert">“{pool}” is not a pool address.</p>
      </>
    );
  }
  // Keyed by pool: no state (typed amounts, transaction status) carries over to another pool.
  return <PoolPage key={pool.toLowerCase()} pool={getAddress(pool)} />;
}
