import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "МЦУ Холмск — рабочее место", template: "%s · МЦУ Холмск" },
  description: "Рабочее место Муниципального центра управления",
  // Icons in the desk's colours (public/); a staff desk is never indexed (public/robots.txt too).
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/icon.svg",
  },
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request (the desk has no public static page), including the
  // not-found page: each response's scripts must carry that response's CSP nonce
  // (lib/http/security-headers.ts), which a page prerendered at build time cannot.
  await connection();
  return (
    <html lang="ru">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
