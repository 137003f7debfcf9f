import { AppLink as Link } from "@/components/ui/app-link";
import { requirePermission } from "@/lib/auth/session";
import { ROLE_LABELS, ROLE_NAV } from "@/lib/auth/roles";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { NotificationBell } from "@/components/notifications/bell";

export const dynamic = "force-dynamic";

export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePermission();
  return (
    <div className="min-h-screen">
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-2">
          <Link href="/" className="font-semibold">
            МЦУ Холмск
          </Link>
          <nav aria-label="Основная навигация" className="flex flex-wrap gap-1">
            {ROLE_NAV[user.role].map((item) => (
              <Link key={item.href} href={item.href} className="rounded px-3 py-1 text-sm hover:bg-white/10">
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <NotificationBell userId={user.id} />
            <span data-testid="current-user">
              {user.name} · {ROLE_LABELS[user.role]}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
