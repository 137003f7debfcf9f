import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { ROLE_HOME } from "@/lib/auth/roles";

export default async function Home() {
  const user = await requireRole();
  redirect(ROLE_HOME[user.role]);
}
