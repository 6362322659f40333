import type { Knex } from "knex";

// Evidence files: one row per stored file. The bytes live under UPLOAD_DIR named by
// `stored_name` (random); the row says whose pilot may read them (award_id).

type Db = Knex | Knex.Transaction;
type Row = Record<string, unknown>;

const idOf = (row: unknown): number => Number(typeof row === "object" && row !== null ? (row as { id: unknown }).id : row);

export interface Upload {
  id: number;
  awardId: number;
  originalName: string;
  storedName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: number;
  uploadedAt: string;
}

function toUpload(row: Row): Upload {
  return {
    id: Number(row.id),
    awardId: Number(row.award_id),
    originalName: String(row.original_name),
    storedName: String(row.stored_name),
    contentType: String(row.content_type),
    sizeBytes: Number(row.size_bytes),
    sha256: String(row.sha256),
    uploadedBy: Number(row.uploaded_by),
    uploadedAt: String(row.uploaded_at),
  };
}

export async function insertUpload(db: Db, input: Omit<Upload, "id">): Promise<number> {
  const [row] = await db("uploads")
    .insert({
      award_id: input.awardId,
      original_name: input.originalName,
      stored_name: input.storedName,
      content_type: input.contentType,
      size_bytes: input.sizeBytes,
      sha256: input.sha256,
      uploaded_by: input.uploadedBy,
      uploaded_at: input.uploadedAt,
    })
    .returning("id");
  return idOf(row);
}

export async function findUpload(db: Db, id: number): Promise<Upload | null> {
  const row = await db("uploads").where({ id }).first();
  return row ? toUpload(row) : null;
}

/** The uploads of one pilot with these ids (others' ids are simply not found), by id. */
export async function listUploads(db: Db, awardId: number, ids: number[]): Promise<Upload[]> {
  if (!ids.length) return [];
  const rows = await db("uploads").where({ award_id: awardId }).whereIn("id", ids).orderBy("id");
  return rows.map(toUpload);
}
