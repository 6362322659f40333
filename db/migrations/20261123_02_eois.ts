import type { Knex } from "knex";

// Stage 1: expressions of interest.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("eois", (t) => {
    t.increments("id").primary();
    t.integer("round_id").notNullable().references("id").inTable("rounds");
    t.integer("authority_id").notNullable().references("id").inTable("authorities"); // R-3 the lead authority
    t.string("status", 20).notNullable().defaultTo("draft"); // draft, submitted, withdrawn
    t.string("reference", 20).nullable().unique(); // R-35 RTP-EOI-XXXXXX, set on submission
    t.text("answers_json").notNullable().defaultTo("{}"); // EoiAnswers: exactly what was typed
    t.text("completed_json").notNullable().defaultTo("{}"); // { sectionId: true|false } "Have you completed this section?"
    t.text("section_versions_json").notNullable().defaultTo("{}"); // { sectionId: n } for optimistic concurrency
    t.integer("version").notNullable().defaultTo(0); // bumped on every save
    t.integer("created_by").notNullable().references("id").inTable("users");
    t.string("created_at", 30).notNullable();
    t.string("updated_at", 30).notNullable();
    t.integer("submitted_by").nullable().references("id").inTable("users");
    t.string("submitted_at", 30).nullable();
    t.string("withdrawn_at", 30).nullable();
    t.text("withdrawn_reason").nullable();
    t.string("deadline_extended_to", 30).nullable(); // R-35 the programme manager's extension for this authority
    t.string("hard_copy_received_at", 30).nullable();
    t.unique(["round_id", "authority_id"]); // R-30 one EOI per lead authority per round
  });

  // Every save of a section, and every save refused as stale (R-34: both versions are kept).
  await knex.schema.createTable("eoi_section_saves", (t) => {
    t.increments("id").primary();
    t.integer("eoi_id").notNullable().references("id").inTable("eois").onDelete("CASCADE");
    t.string("section_id", 60).notNullable();
    t.integer("section_version").notNullable(); // the version this save created, or was based on when refused
    t.string("outcome", 20).notNullable(); // saved, conflict, resolved
    t.text("answers_json").notNullable();
    t.integer("saved_by").notNullable().references("id").inTable("users");
    t.string("saved_at", 30).notNullable();
    t.index(["eoi_id", "section_id"]);
  });

  // R-34 A POST that arrived after the session expired, kept until the officer signs in again.
  await knex.schema.createTable("held_forms", (t) => {
    t.string("id", 64).primary(); // sha-256 of the token in the resume link
    t.string("path", 500).notNullable();
    t.text("form_json").notNullable();
    t.string("created_at", 30).notNullable();
    t.string("expires_at", 30).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists("held_forms");
  await knex.schema.dropTableIfExists("eoi_section_saves");
  await knex.schema.dropTableIfExists("eois");
}
