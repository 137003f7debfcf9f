import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "МЦУ Холмск — рабочее место", template: "%s · МЦУ Холмск" },
  description: "Рабочее место Муниципального центра управления",
  // Icons in the desk's colours (public/); a staff desk is never indexed (public/robots.txt too).
  icons: { icon: [{ url: "/favicon.ico", sizes: "32x32" }, { url: "/icon.svg", type: "image/svg+xml" }], apple: "/icon.svg" },
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ru">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
