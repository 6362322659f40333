import type { Knex } from "knex";

// Stage 2: sift and selection. Scores and moderations are history: their
// tables refuse UPDATE and DELETE, like the audit log. An edit is a new row with the next version.

const APPEND_ONLY = ["sift_assessments", "sift_moderations", "sift_selections"] as const;

export async function up(knex: Knex): Promise<void> {
  // R-40 R-20 An assessor's declared conflicts of interest with a lead authority.
  await knex.schema.createTable("sift_conflicts", (t) => {
    t.increments("id").primary();
    t.integer("assessor_id").notNullable().references("id").inTable("users");
    t.integer("authority_id").notNullable().references("id").inTable("authorities");
    t.text("reason").notNullable();
    t.string("declared_at", 30).notNullable();
    t.string("withdrawn_at", 30).nullable(); // kept, not deleted: the record shows what was declared when
    t.index(["assessor_id"]);
    t.index(["authority_id"]);
  });

  // R-40 Who assesses which EOI. A reassignment ends one row and starts another.
  await knex.schema.createTable("sift_assignments", (t) => {
    t.increments("id").primary();
    t.integer("eoi_id").notNullable().references("id").inTable("eois");
    t.integer("assessor_id").notNullable().references("id").inTable("users");
    t.string("method", 20).notNullable(); // manual, automatic
    t.integer("assigned_by").notNullable().references("id").inTable("users");
    t.string("assigned_at", 30).notNullable();
    t.integer("ended_by").nullable().references("id").inTable("users");
    t.string("ended_at", 30).nullable();
    t.index(["eoi_id"]);
    t.index(["assessor_id"]);
  });
  // An assessor holds at most one live assignment to a bid (partial index: SQLite and PostgreSQL).
  await knex.raw("CREATE UNIQUE INDEX sift_assignments_live ON sift_assignments (eoi_id, assessor_id) WHERE ended_at IS NULL");

  // R-41 The round's criterion weights (percent). No rows: the defaults of programme.ts.
  await knex.schema.createTable("sift_weights", (t) => {
    t.increments("id").primary();
    t.integer("round_id").notNullable().references("id").inTable("rounds");
    t.string("criterion_key", 60).notNullable();
    t.integer("weight").notNullable();
    t.integer("updated_by").notNullable().references("id").inTable("users");
    t.string("updated_at", 30).notNullable();
    t.unique(["round_id", "criterion_key"]);
  });

  // R-41 R-42 Every save of an assessor's scores, never overwritten: the latest version counts.
  await knex.schema.createTable("sift_assessments", (t) => {
    t.increments("id").primary();
    t.integer("eoi_id").notNullable().references("id").inTable("eois");
    t.integer("assessor_id").notNullable().references("id").inTable("users");
    t.integer("assignment_id").notNullable().references("id").inTable("sift_assignments");
    t.integer("version").notNullable();
    t.string("status", 20).notNullable(); // draft, complete
    t.text("scores_json").notNullable(); // { criterionKey: { score: 0-4 | null, justification: string } }
    t.text("weights_json").notNullable(); // the weights the total was computed with
    t.integer("total_hundredths").notNullable(); // R-41 weighted total out of 100, in hundredths of a point
    t.string("saved_at", 30).notNullable();
    t.unique(["eoi_id", "assessor_id", "version"]);
    t.index(["assessor_id"]);
  });

  // R-42 The programme manager's agreed scores for a bid that needed moderation, with a reason.
  await knex.schema.createTable("sift_moderations", (t) => {
    t.increments("id").primary();
    t.integer("eoi_id").notNullable().references("id").inTable("eois");
    t.integer("version").notNullable();
    t.text("scores_json").notNullable(); // { criterionKey: 0-4 }
    t.text("weights_json").notNullable();
    t.integer("total_hundredths").notNullable();
    t.text("reason").notNullable();
    t.integer("moderated_by").notNullable().references("id").inTable("users");
    t.string("moderated_at", 30).notNullable();
    t.unique(["eoi_id", "version"]);
  });

  // R-43 A saved run of the selection: what it was given and what it chose.
  await knex.schema.createTable("sift_selections", (t) => {
    t.increments("id").primary();
    t.integer("round_id").notNullable().references("id").inTable("rounds");
    t.text("input_json").notNullable(); // the SelectionInput of docs/selection.md
    t.text("result_json").notNullable(); // the SelectionResult
    t.text("candidates_json").notNullable(); // candidate id → EOI id and authority, as they were
    t.integer("saved_by").notNullable().references("id").inTable("users");
    t.string("saved_at", 30).notNullable();
    t.index(["round_id"]);
  });

  // R-44 The confirmed shortlist: one per round, so confirming twice is impossible.
  await knex.schema.createTable("sift_shortlists", (t) => {
    t.increments("id").primary();
    t.integer("round_id").notNullable().references("id").inTable("rounds").unique();
    t.integer("selection_id").notNullable().references("id").inTable("sift_selections");
    t.integer("confirmed_by").notNullable().references("id").inTable("users");
    t.string("confirmed_at", 30).notNullable();
  });

  if (knex.client.config.client === "pg") {
    await knex.raw(`CREATE FUNCTION sift_history_is_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql;`);
  }
  for (const table of APPEND_ONLY) {
    if (knex.client.config.client === "pg") {
      await knex.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION sift_history_is_append_only();`);
    } else {
      await knex.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`);
      await knex.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`);
    }
  }
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === "pg") {
    for (const table of APPEND_ONLY) await knex.raw(`DROP TRIGGER IF EXISTS ${table}_append_only ON ${table}`);
    await knex.raw("DROP FUNCTION IF EXISTS sift_history_is_append_only()");
  }
  for (const table of ["sift_shortlists", "sift_selections", "sift_moderations", "sift_assessments", "sift_weights", "sift_assignments", "sift_conflicts"]) {
    await knex.schema.dropTableIfExists(table);
  }
}
