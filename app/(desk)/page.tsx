import { redirect } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { ROLE_HOME } from "@/lib/auth/roles";

export default async function Home() {
  const user = await requirePage("/");
  redirect(ROLE_HOME[user.role]);
}
