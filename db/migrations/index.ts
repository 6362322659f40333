import type { Knex } from "knex";
import * as m20261123_01 from "./20261123_01_foundation";
import * as m20261123_02 from "./20261123_02_eois";
import * as m20261123_03 from "./20261123_03_held_form_owner";
import * as m20261123_10 from "./20261123_10_sift";
import * as m20261123_20 from "./20261123_20_stage3";
import * as m20261123_30 from "./20261123_30_monitoring";

/**
 * Migrations are listed here rather than read from a folder so that the same code runs
 * under tsx (scripts), vitest and the Vite server build. Append new ones; never edit a
 * landed migration (STYLE.md rule 10).
 */
const migrations: Record<string, Knex.Migration> = {
  "20261123_01_foundation": m20261123_01,
  "20261123_02_eois": m20261123_02,
  "20261123_03_held_form_owner": m20261123_03,
  "20261123_10_sift": m20261123_10,
  "20261123_20_stage3": m20261123_20,
  "20261123_30_monitoring": m20261123_30,
};

export const migrationSource: Knex.MigrationSource<string> = {
  async getMigrations() {
    return Object.keys(migrations).sort();
  },
  getMigrationName(name) {
    return name;
  },
  async getMigration(name) {
    const migration = migrations[name];
    if (!migration) throw new Error(`Unknown migration ${name}`);
    return migration;
  },
};
