import type { Knex } from "knex";

// Stage 4: pilot monitoring. A pilot is a grant award its authority has accepted
// (grant_awards.status = 'accepted', R-53); everything here hangs off that award's id.
// History tables refuse UPDATE and DELETE, like the audit log: an output's status is its latest
// update, a report's decisions are a trail. Money is integer pence; times are ISO UTC strings;
// calendar dates are YYYY-MM-DD (judged in Europe/London).

const APPEND_ONLY = ["output_updates", "output_records", "report_reviews"] as const;

export async function up(knex: Knex): Promise<void> {
  // Evidence files (uploads): the bytes live outside public/ under UPLOAD_DIR, named by id.
  await knex.schema.createTable("uploads", (t) => {
    t.increments("id").primary();
    t.integer("award_id").notNullable().references("id").inTable("grant_awards"); // whose pilot may read it
    t.string("original_name", 255).notNullable(); // as the officer's computer named it (shown, never used as a path)
    t.string("stored_name", 80).notNullable().unique(); // random, the file's name on disk
    t.string("content_type", 120).notNullable(); // detected from the content, not from the name
    t.integer("size_bytes").notNullable();
    t.string("sha256", 64).notNullable();
    t.integer("uploaded_by").notNullable().references("id").inTable("users");
    t.string("uploaded_at", 30).notNullable();
    t.index(["award_id"]);
  });

  // R-60 Dated updates of an output: its status now, what happened, evidence (a file or a link).
  // The output's plan and due date come from the approved detailed application.
  await knex.schema.createTable("output_updates", (t) => {
    t.increments("id").primary();
    t.integer("award_id").notNullable().references("id").inTable("grant_awards");
    t.string("output_key", 1).notNullable(); // A–F
    t.string("status", 20).notNullable(); // not-started, on-track, at-risk, late, complete
    t.text("summary").notNullable();
    t.string("evidence_link", 2000).nullable();
    t.integer("upload_id").nullable().references("id").inTable("uploads");
    t.integer("created_by").notNullable().references("id").inTable("users");
    t.string("created_at", 30).notNullable();
    t.index(["award_id", "output_key"]);
  });

  // R-60 Output-specific records: B event, C network member, D impact figure, E change
  // proposal, F data return. The fields of each kind are a zod schema in app/domain/monitoring/.
  await knex.schema.createTable("output_records", (t) => {
    t.increments("id").primary();
    t.integer("award_id").notNullable().references("id").inTable("grant_awards");
    t.string("output_key", 1).notNullable(); // B–F
    t.string("kind", 30).notNullable(); // event, network-member, impact-figure, change-proposal, data-return
    t.text("data_json").notNullable();
    t.integer("upload_id").nullable().references("id").inTable("uploads");
    t.integer("created_by").notNullable().references("id").inTable("users");
    t.string("created_at", 30).notNullable();
    t.index(["award_id", "output_key"]);
  });

  // R-61 Quarterly progress reports. Which quarters are due, and when, follows from the round's
  // timetable (a pure function); a row exists once the pilot starts writing that quarter's report.
  await knex.schema.createTable("quarterly_reports", (t) => {
    t.increments("id").primary();
    t.integer("award_id").notNullable().references("id").inTable("grant_awards");
    t.string("quarter", 20).notNullable(); // "Q3 2009/10" (app/domain/calendar.ts)
    t.string("status", 20).notNullable().defaultTo("draft"); // draft, submitted, queried, accepted
    t.text("answers_json").notNullable().defaultTo("{}"); // progress per output, spend, risks, issues
    t.bigInteger("spend_pence").nullable(); // spend in the quarter, as reported
    t.integer("version").notNullable().defaultTo(0); // optimistic concurrency
    t.integer("created_by").notNullable().references("id").inTable("users");
    t.string("created_at", 30).notNullable();
    t.string("updated_at", 30).notNullable();
    t.integer("submitted_by").nullable().references("id").inTable("users");
    t.string("submitted_at", 30).nullable();
    t.integer("decided_by").nullable().references("id").inTable("users");
    t.string("decided_at", 30).nullable();
    t.unique(["award_id", "quarter"]);
  });

  // R-61 The trail of a report: submitted, queried (with the question), answered, accepted.
  await knex.schema.createTable("report_reviews", (t) => {
    t.increments("id").primary();
    t.integer("report_id").notNullable().references("id").inTable("quarterly_reports");
    t.string("event", 20).notNullable(); // submitted, queried, answered, accepted
    t.text("comments").notNullable().defaultTo("");
    t.integer("by_user").notNullable().references("id").inTable("users");
    t.string("at", 30).notNullable();
    t.index(["report_id"]);
  });

  // R-61 Reminders sent (five working days before the due date) and overdue notices: one of each
  // kind per pilot and quarter, whatever number of workers run the job.
  await knex.schema.createTable("report_reminders", (t) => {
    t.increments("id").primary();
    t.integer("award_id").notNullable().references("id").inTable("grant_awards");
    t.string("quarter", 20).notNullable();
    t.string("kind", 20).notNullable(); // reminder, overdue
    t.integer("email_id").nullable().references("id").inTable("email_outbox");
    t.string("sent_at", 30).notNullable();
    t.unique(["award_id", "quarter", "kind"]);
  });

  // R-62 Grant claims against the award; approved claims never add up to more than the award
  // (checked inside the approving transaction).
  await knex.schema.createTable("grant_claims", (t) => {
    t.increments("id").primary();
    t.integer("award_id").notNullable().references("id").inTable("grant_awards");
    t.bigInteger("amount_pence").notNullable().checkPositive();
    t.string("period_start", 10).notNullable();
    t.string("period_end", 10).notNullable();
    t.text("spend_evidence").notNullable();
    t.integer("upload_id").nullable().references("id").inTable("uploads");
    t.string("status", 20).notNullable().defaultTo("submitted"); // submitted, approved, rejected
    t.integer("submitted_by").notNullable().references("id").inTable("users");
    t.string("submitted_at", 30).notNullable();
    t.integer("decided_by").nullable().references("id").inTable("users");
    t.string("decided_at", 30).nullable();
    t.text("decision_reason").nullable();
    t.index(["award_id"]);
  });

  // R-63 R-11 The customer service health check visit: one per pilot.
  await knex.schema.createTable("health_check_visits", (t) => {
    t.increments("id").primary();
    t.integer("award_id").notNullable().references("id").inTable("grant_awards").unique();
    t.string("visit_date", 10).notNullable();
    t.string("status", 20).notNullable().defaultTo("recorded"); // recorded, agreed
    t.text("summary").notNullable().defaultTo(""); // the agreed report's summary
    t.integer("version").notNullable().defaultTo(0);
    t.integer("created_by").notNullable().references("id").inTable("users");
    t.string("created_at", 30).notNullable();
    t.string("updated_at", 30).notNullable();
    t.integer("agreed_by").nullable().references("id").inTable("users");
    t.string("agreed_at", 30).nullable();
    t.string("agreed_with", 200).nullable(); // the pilot's named officer who agreed the report
  });

  await knex.schema.createTable("health_check_team_members", (t) => {
    t.increments("id").primary();
    t.integer("visit_id").notNullable().references("id").inTable("health_check_visits").onDelete("CASCADE");
    t.string("name", 200).notNullable();
    t.string("organisation", 200).notNullable();
    t.string("sector", 20).notNullable(); // private, public, third
    t.index(["visit_id"]);
  });

  // R-63 Findings per probe of the peer review's customer-focus checklist (seeds/002).
  await knex.schema.createTable("health_check_findings", (t) => {
    t.increments("id").primary();
    t.integer("visit_id").notNullable().references("id").inTable("health_check_visits").onDelete("CASCADE");
    t.string("probe_id", 40).notNullable();
    t.string("rating", 30).nullable();
    t.text("finding").notNullable().defaultTo("");
    t.unique(["visit_id", "probe_id"]);
  });

  // R-63 The CSE-focus pilot's evidence mapped to the 57 CSE elements (seeds/001): "1.2.3".
  await knex.schema.createTable("cse_evidence", (t) => {
    t.increments("id").primary();
    t.integer("award_id").notNullable().references("id").inTable("grant_awards");
    t.string("element_id", 10).notNullable();
    t.text("evidence").notNullable();
    t.string("evidence_link", 2000).nullable();
    t.integer("upload_id").nullable().references("id").inTable("uploads");
    t.integer("created_by").notNullable().references("id").inTable("users");
    t.string("created_at", 30).notNullable();
    t.string("removed_at", 30).nullable();
    t.index(["award_id", "element_id"]);
  });

  if (knex.client.config.client === "pg") {
    await knex.raw(`CREATE FUNCTION stage4_history_is_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql;`);
  }
  for (const table of APPEND_ONLY) {
    if (knex.client.config.client === "pg") {
      await knex.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION stage4_history_is_append_only();`);
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
    await knex.raw("DROP FUNCTION IF EXISTS stage4_history_is_append_only()");
  }
  for (const table of [
    "cse_evidence",
    "health_check_findings",
    "health_check_team_members",
    "health_check_visits",
    "grant_claims",
    "report_reminders",
    "report_reviews",
    "quarterly_reports",
    "output_records",
    "output_updates",
    "uploads",
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
