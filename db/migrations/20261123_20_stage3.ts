import type { Knex } from "knex";

// Stage 3: detailed applications, their review, grant awards, offers and acceptance.
// Submitted versions and review decisions are history (R-52 "versions kept"): their tables refuse
// UPDATE and DELETE, like the audit log. Money is integer pence; times are ISO UTC strings.

const APPEND_ONLY = ["application_versions", "application_reviews"] as const;

export async function up(knex: Knex): Promise<void> {
  // R-50 R-51 One detailed application per invited lead authority per round, edited by its officers.
  await knex.schema.createTable("applications", (t) => {
    t.increments("id").primary();
    t.integer("round_id").notNullable().references("id").inTable("rounds");
    t.integer("authority_id").notNullable().references("id").inTable("authorities");
    t.integer("eoi_id").notNullable().references("id").inTable("eois").unique(); // R-50 the invited bid it grows from
    // draft, submitted, changes-requested, approved, declined, withdrawn
    t.string("status", 30).notNullable().defaultTo("draft");
    t.text("answers_json").notNullable().defaultTo("{}"); // exactly what was typed (R-34's guarantees)
    t.text("completed_json").notNullable().defaultTo("{}"); // "Have you completed this section?"
    t.text("section_versions_json").notNullable().defaultTo("{}"); // optimistic concurrency per section
    t.integer("version").notNullable().defaultTo(0); // bumped on every write of the row
    t.integer("submission_count").notNullable().defaultTo(0); // versions submitted so far
    t.integer("created_by").notNullable().references("id").inTable("users");
    t.string("created_at", 30).notNullable();
    t.string("updated_at", 30).notNullable();
    t.integer("submitted_by").nullable().references("id").inTable("users");
    t.string("submitted_at", 30).nullable(); // the latest submission
    t.integer("decided_by").nullable().references("id").inTable("users");
    t.string("decided_at", 30).nullable(); // the latest review decision
    t.string("withdrawn_at", 30).nullable();
    t.text("withdrawn_reason").nullable();
    t.unique(["round_id", "authority_id"]);
  });

  // Every save of a section, and every save refused as stale (both versions kept, as in stage 1).
  await knex.schema.createTable("application_section_saves", (t) => {
    t.increments("id").primary();
    t.integer("application_id").notNullable().references("id").inTable("applications").onDelete("CASCADE");
    t.string("section_id", 60).notNullable();
    t.integer("section_version").notNullable();
    t.string("outcome", 20).notNullable(); // saved, conflict, resolved, resolved-mine, resolved-theirs
    t.text("answers_json").notNullable();
    t.integer("saved_by").notNullable().references("id").inTable("users");
    t.string("saved_at", 30).notNullable();
    t.index(["application_id", "section_id"]);
  });

  // R-52 Each submission's answers, kept: the manager reads a version, asks for changes, the
  // authority resubmits as the next version.
  await knex.schema.createTable("application_versions", (t) => {
    t.increments("id").primary();
    t.integer("application_id").notNullable().references("id").inTable("applications");
    t.integer("number").notNullable();
    t.text("answers_json").notNullable();
    t.bigInteger("clg_request_pence").notNullable(); // R-51 the budget's CLG total, as submitted
    t.bigInteger("total_cost_pence").notNullable();
    t.integer("submitted_by").notNullable().references("id").inTable("users");
    t.string("submitted_at", 30).notNullable();
    t.unique(["application_id", "number"]);
  });

  // R-52 The programme manager's decisions on a version: approved, changes-requested, declined.
  await knex.schema.createTable("application_reviews", (t) => {
    t.increments("id").primary();
    t.integer("application_id").notNullable().references("id").inTable("applications");
    t.integer("version_number").notNullable();
    t.string("decision", 30).notNullable();
    t.text("comments").notNullable().defaultTo("");
    t.integer("decided_by").notNullable().references("id").inTable("users");
    t.string("decided_at", 30).notNullable();
    t.index(["application_id"]);
  });

  // R-52 R-53 The grant award made on approval, its offer and its acceptance.
  await knex.schema.createTable("grant_awards", (t) => {
    t.increments("id").primary();
    t.integer("round_id").notNullable().references("id").inTable("rounds");
    t.integer("application_id").notNullable().references("id").inTable("applications").unique(); // one award per application
    t.integer("authority_id").notNullable().references("id").inTable("authorities");
    t.string("region", 40).notNullable(); // R-2 the lead authority's region, as awarded
    t.bigInteger("amount_pence").notNullable().checkPositive(); // R-52 ≤ min(£100,000, the CLG request)
    t.bigInteger("clg_request_pence").notNullable(); // what the approved version asked of CLG
    t.string("status", 20).notNullable().defaultTo("offered"); // offered, accepted
    t.integer("awarded_by").notNullable().references("id").inTable("users");
    t.string("awarded_at", 30).notNullable();
    t.integer("accepted_by").nullable().references("id").inTable("users"); // R-53 the signed-in officer who accepted
    t.string("accepted_at", 30).nullable();
    t.string("accepting_officer_name", 200).nullable(); // R-53 the named officer
    t.string("accepting_officer_role", 200).nullable();
    t.string("acceptance_date", 10).nullable(); // YYYY-MM-DD, as the officer dated it
    t.string("pilot_started_at", 30).nullable(); // R-53 acceptance starts the pilot
    t.string("health_check_offered_at", 30).nullable();
    t.unique(["round_id", "region"]); // R-1 R-52 at most one award per region, whatever the code does
  });

  if (knex.client.config.client === "pg") {
    await knex.raw(`CREATE FUNCTION stage3_history_is_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql;`);
  }
  for (const table of APPEND_ONLY) {
    if (knex.client.config.client === "pg") {
      await knex.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION stage3_history_is_append_only();`);
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
    await knex.raw("DROP FUNCTION IF EXISTS stage3_history_is_append_only()");
  }
  for (const table of ["grant_awards", "application_reviews", "application_versions", "application_section_saves", "applications"]) {
    await knex.schema.dropTableIfExists(table);
  }
}
