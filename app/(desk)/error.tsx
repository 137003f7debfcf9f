"use client";

export default function DeskError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">Не удалось загрузить страницу</h1>
      <p className="mt-2 text-red-900">Попробуйте ещё раз. Если ошибка повторится, сообщите начальнику МЦУ.</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-red-800 px-4 py-2 text-white">
        Повторить
      </button>
    </div>
  );
}
