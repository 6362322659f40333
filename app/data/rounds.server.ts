import type { Knex } from "knex";
import { hotRows } from "./hot-sql.server";

export interface Round {
  id: number;
  name: string;
  totalFundPence: number;
  pilotCount: number;
  maxAwardPence: number;
  eoiOpensAt: string;
  eoiClosesAt: string;
  requestsBy: string;
  detailedDueAt: string;
  startBy: string;
  endsOn: string;
}

function toRound(row: Record<string, unknown>): Round {
  return {
    id: Number(row.id),
    name: String(row.name),
    totalFundPence: Number(row.total_fund_pence),
    pilotCount: Number(row.pilot_count),
    maxAwardPence: Number(row.max_award_pence),
    eoiOpensAt: String(row.eoi_opens_at),
    eoiClosesAt: String(row.eoi_closes_at),
    requestsBy: String(row.requests_by),
    detailedDueAt: String(row.detailed_due_at),
    startBy: String(row.start_by),
    endsOn: String(row.ends_on),
  };
}

/** The round the service is running: the most recently opened one. */
export async function currentRound(db: Knex): Promise<Round | null> {
  const [row] = await hotRows<Record<string, unknown>>(db, "select * from rounds order by eoi_opens_at desc, id desc limit 1", []);
  return row ? toRound(row) : null;
}

export async function findRound(db: Knex, id: number): Promise<Round | null> {
  const row = await db("rounds").where({ id }).first();
  return row ? toRound(row) : null;
}

export async function insertRound(db: Knex | Knex.Transaction, round: Omit<Round, "id">, at: Date): Promise<number> {
  const [row] = await db("rounds")
    .insert({
      name: round.name,
      total_fund_pence: round.totalFundPence,
      pilot_count: round.pilotCount,
      max_award_pence: round.maxAwardPence,
      eoi_opens_at: round.eoiOpensAt,
      eoi_closes_at: round.eoiClosesAt,
      requests_by: round.requestsBy,
      detailed_due_at: round.detailedDueAt,
      start_by: round.startBy,
      ends_on: round.endsOn,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    })
    .returning("id");
  return Number(typeof row === "object" ? row.id : row);
}
