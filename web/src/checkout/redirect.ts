// The merchant's success and cancel URLs come from whoever created the session: only http(s)
// URLs are followed or linked, so a "javascript:" or "data:" URL can never run in this page.

/** The URL, normalised, if it is an absolute http(s) URL; otherwise undefined. */
export function safeRedirectUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
}
