import type { Knex } from "knex";

// Times are ISO-8601 UTC strings (e.g. 2009-07-17T22:59:59.999Z): they sort as text and read
// the same on SQLite and PostgreSQL. Dates without a time are YYYY-MM-DD strings.
// Money is integer pence (bigint on PostgreSQL; SQLite integers are 64-bit).

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("rounds", (t) => {
    t.increments("id").primary();
    t.string("name", 200).notNullable();
    t.bigInteger("total_fund_pence").notNullable();
    t.integer("pilot_count").notNullable();
    t.bigInteger("max_award_pence").notNullable();
    t.string("eoi_opens_at", 30).notNullable();
    t.string("eoi_closes_at", 30).notNullable();
    t.string("requests_by", 10).notNullable(); // R-8 date
    t.string("detailed_due_at", 30).notNullable();
    t.string("start_by", 10).notNullable(); // R-8 date
    t.string("ends_on", 10).notNullable(); // R-8 date
    t.string("created_at", 30).notNullable();
    t.string("updated_at", 30).notNullable();
  });

  await knex.schema.createTable("authorities", (t) => {
    t.increments("id").primary();
    t.string("name", 200).notNullable();
    t.string("code", 20).notNullable().unique(); // ONS GSS code
    t.string("region", 40).notNullable();
    t.string("type", 40).notNullable();
    t.string("setting", 10).notNullable(); // rural, urban, mixed
  });

  await knex.schema.createTable("users", (t) => {
    t.increments("id").primary();
    t.string("email", 320).notNullable().unique();
    t.string("name", 200).notNullable();
    t.string("role", 30).notNullable(); // applicant, assessor, programme_manager
    t.integer("authority_id").nullable().references("id").inTable("authorities");
    t.string("password_hash", 300).nullable(); // scrypt; null until the user sets a password
    t.string("created_at", 30).notNullable();
    t.string("updated_at", 30).notNullable();
    t.index(["authority_id"]);
  });

  await knex.schema.createTable("sessions", (t) => {
    t.string("id", 64).primary(); // sha-256 of the cookie's token, never the token itself
    t.integer("user_id").notNullable().references("id").inTable("users").onDelete("CASCADE");
    t.string("data", 4000).notNullable().defaultTo("{}");
    t.string("created_at", 30).notNullable();
    t.string("expires_at", 30).notNullable();
    t.index(["user_id"]);
  });

  await knex.schema.createTable("sign_in_attempts", (t) => {
    t.increments("id").primary();
    t.string("email", 320).notNullable();
    t.boolean("succeeded").notNullable();
    t.string("at", 30).notNullable();
    t.index(["email", "at"]);
  });

  await knex.schema.createTable("password_tokens", (t) => {
    t.string("id", 64).primary(); // sha-256 of the emailed token
    t.integer("user_id").notNullable().references("id").inTable("users").onDelete("CASCADE");
    t.string("expires_at", 30).notNullable();
    t.string("used_at", 30).nullable();
    t.string("created_at", 30).notNullable();
  });

  // append-only; triggers below refuse UPDATE and DELETE.
  await knex.schema.createTable("audit_log", (t) => {
    t.increments("id").primary();
    t.integer("actor_user_id").nullable().references("id").inTable("users");
    t.string("at", 30).notNullable();
    t.string("action", 100).notNullable();
    t.string("entity_type", 60).notNullable();
    t.string("entity_id", 60).nullable();
    t.text("before_json").nullable();
    t.text("after_json").nullable();
    t.index(["entity_type", "entity_id"]);
  });

  // every email is a row first; a worker sends it and retries until it is delivered.
  await knex.schema.createTable("email_outbox", (t) => {
    t.increments("id").primary();
    t.string("to_address", 320).notNullable();
    t.string("cc", 1000).nullable();
    t.string("subject", 300).notNullable();
    t.text("text_body").notNullable();
    t.text("html_body").notNullable();
    t.text("attachments_json").nullable(); // [{ filename, contentType, contentBase64 }]
    t.string("template", 60).notNullable();
    t.string("status", 20).notNullable().defaultTo("pending"); // pending, sending, sent
    t.integer("attempts").notNullable().defaultTo(0);
    t.string("next_attempt_at", 30).notNullable();
    t.string("locked_until", 30).nullable();
    t.text("last_error").nullable();
    t.string("sent_at", 30).nullable();
    t.string("message_id", 300).nullable();
    t.string("eml_path", 500).nullable();
    t.string("created_at", 30).notNullable();
    t.index(["status", "next_attempt_at"]);
  });

  if (knex.client.config.client === "pg") {
    await knex.raw(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();`);
  } else {
    await knex.raw(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
    await knex.raw(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
  }
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === "pg") {
    await knex.raw("DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log");
    await knex.raw("DROP FUNCTION IF EXISTS audit_log_is_append_only()");
  }
  for (const table of ["email_outbox", "audit_log", "password_tokens", "sign_in_attempts", "sessions", "users", "authorities", "rounds"]) {
    await knex.schema.dropTableIfExists(table);
  }
}
