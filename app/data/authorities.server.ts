import type { Knex } from "knex";
import { hotRows } from "./hot-sql.server";

export interface Authority {
  id: number;
  name: string;
  code: string;
  region: string;
  type: string;
  setting: string;
}

export async function listAuthorities(db: Knex): Promise<Authority[]> {
  return db("authorities").select("id", "name", "code", "region", "type", "setting").orderBy([{ column: "name" }, { column: "id" }]);
}

export async function findAuthority(db: Knex, id: number): Promise<Authority | null> {
  const [row] = await hotRows<Authority>(db, "select id, name, code, region, type, setting from authorities where id = ? limit 1", [id]);
  return row ?? null;
}

export async function countAuthorities(db: Knex): Promise<number> {
  const [{ n }] = await db("authorities").count({ n: "*" });
  return Number(n);
}
