import { AppLink as Link } from "@/components/ui/app-link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-10 text-center">
      <h1 className="text-2xl font-semibold">Страница не найдена</h1>
      <p className="mt-3 text-slate-700">Такой страницы нет, или у вас нет к ней доступа.</p>
      <Link href="/" className="mt-6 inline-block rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-600">
        На главную
      </Link>
    </main>
  );
}
