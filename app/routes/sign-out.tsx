import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession, readForm } from "~/auth/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  return redirect("/signed-out", { headers: await endSession(request) });
}
