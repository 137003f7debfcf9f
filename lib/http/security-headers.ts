// Protective headers on every response of the web server (lib/cli/web.ts): pages, route handlers,
// file downloads and static files alike. Kept in one place so what the desk promises (README,
// «Безопасность») is what it sends.
import { randomBytes } from "node:crypto";

/** A fresh nonce for one response's scripts. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of one response. Scripts: our own files and inline scripts that carry
 * this response's nonce (Next.js reads the nonce from the request's `content-security-policy`
 * header and puts it on every script it renders). Styles may be inline: React and the charts set
 * style attributes. Nobody may frame the desk, and forms post only to it.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Every header of one response; HSTS only when the desk is reached over https. */
export function securityHeaders(nonce: string, https: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // Addresses inside the desk (search terms, message numbers) never leave it in a Referer.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    // A staff desk with residents' messages: never indexed (public/robots.txt says the same).
    "X-Robots-Tag": "noindex, nofollow",
  };
  if (https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
