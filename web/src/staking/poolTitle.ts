// A pool's name for people: its campaign's name and the token staked.

export function poolTitle(campaignName: string | null | undefined, stakingSymbol: string): string {
  const symbol = stakingSymbol || "token";
  return campaignName ? `${campaignName} · stake ${symbol}` : `Stake ${symbol}`;
}
