// Roles, their Russian names, home screens and navigation. Safe for client components.
export const ROLES = ["coordinator", "block_head", "block_curator", "mcu_head", "mcu_curator"] as const;
export type RoleCode = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleCode, string> = {
  coordinator: "Координатор (специалист по работе с ЦУР)",
  block_head: "Руководитель блока",
  block_curator: "Куратор блока",
  mcu_head: "Начальник МЦУ",
  mcu_curator: "Куратор МЦУ",
};

export const ROLE_HOME: Record<RoleCode, string> = {
  coordinator: "/queue",
  block_head: "/block",
  block_curator: "/curator",
  mcu_head: "/admin",
  mcu_curator: "/dashboard",
};

export type NavItem = { href: string; label: string };

export const ROLE_NAV: Record<RoleCode, NavItem[]> = {
  coordinator: [
    { href: "/queue", label: "Очередь сообщений" },
    { href: "/review", label: "Требует разбора" },
    { href: "/dashboard", label: "Показатели" },
    { href: "/problems", label: "Комплексные проблемы" },
    { href: "/growth", label: "Причины роста" },
    { href: "/reports", label: "Отчёты" },
    { href: "/import", label: "Импорт xlsx" },
  ],
  block_head: [{ href: "/block", label: "Сообщения блока" }],
  block_curator: [
    { href: "/curator", label: "Курируемые блоки" },
    { href: "/curator/calls", label: "Ждут звонка" },
  ],
  mcu_head: [
    { href: "/admin", label: "Администрирование" },
    { href: "/admin/users", label: "Пользователи" },
    { href: "/admin/blocks", label: "Блоки" },
    { href: "/admin/topics", label: "Темы" },
    { href: "/admin/routing", label: "Маршрутизация" },
    { href: "/admin/policies", label: "Сроки" },
    { href: "/admin/channels", label: "Каналы" },
    { href: "/queue", label: "Очередь сообщений" },
    { href: "/dashboard", label: "Показатели" },
    { href: "/reports", label: "Отчёты" },
  ],
  mcu_curator: [
    { href: "/dashboard", label: "Показатели" },
    { href: "/growth", label: "Причины роста" },
    { href: "/problems", label: "Комплексные проблемы" },
    { href: "/reports", label: "Отчёты" },
  ],
};
