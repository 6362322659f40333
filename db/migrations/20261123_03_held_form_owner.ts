import type { Knex } from "knex";

// R-34 A held form belongs to the officer whose session expired: only they can complete it.
export async function up(knex: Knex): Promise<void> {
  await knex("held_forms").delete(); // forms held without an owner cannot be completed safely
  await knex.schema.alterTable("held_forms", (t) => {
    t.integer("user_id").nullable().references("id").inTable("users").onDelete("CASCADE");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable("held_forms", (t) => {
    t.dropColumn("user_id");
  });
}
