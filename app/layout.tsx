import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "МЦУ Холмск — рабочее место", template: "%s · МЦУ Холмск" },
  description: "Рабочее место Муниципального центра управления",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ru">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
