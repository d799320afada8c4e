// Token symbols and decimals by lower-case address (filled by useTokens from the chain).

export interface TokenInfo {
  symbol: string;
  decimals: number;
}

export type TokenMap = ReadonlyMap<string, TokenInfo>;

/** The token of `address` in `tokens`, or a placeholder while it loads (18 decimals, no symbol). */
export function tokenOf(tokens: TokenMap, address: string | null | undefined): TokenInfo & { known: boolean } {
  const info = address ? tokens.get(address.toLowerCase()) : undefined;
  return info ? { ...info, known: true } : { symbol: "", decimals: 18, known: false };
}
