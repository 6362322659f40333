import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { matchRoutes } from "@remix-run/router";
import knexFactory from "knex";
import { afterAll, describe, expect, it } from "vitest";
import { sqliteConfig } from "../../db/config";

// ADR 0071 (issue 9, R-71): what a page request no longer does afresh each time — React Router's
// route ranking and matching (patches/@remix-run+router…) and SQLite's statement preparation
// (db/config.ts) — must still answer exactly as before, whatever a caller does with the answer.

describe("route matching, kept per route tree (patches/@remix-run+router)", () => {
  const routes = [
    {
      id: "root",
      path: "",
      children: [
        { id: "home", index: true },
        { id: "question", path: "applicant/eoi/:sectionId/:page" },
        { id: "task-list", path: "applicant/eoi" },
        { id: "check", path: "applicant/eoi/check" },
      ],
    },
  ];

  it("gives each caller matches of its own: changing one answer does not change the next", () => {
    const first = matchRoutes(routes, "/applicant/eoi/leadership/1")!;
    expect(first.map((m) => m.route.id)).toEqual(["root", "question"]);
    expect(first[1]!.params).toEqual({ sectionId: "leadership", page: "1" });
    (first[1]!.params as Record<string, string>).sectionId = "changed by a caller";
    first.pop();
    const second = matchRoutes(routes, "/applicant/eoi/leadership/1")!;
    expect(second.map((m) => m.route.id)).toEqual(["root", "question"]);
    expect(second[1]!.params).toEqual({ sectionId: "leadership", page: "1" });
    expect(second[0]!.params).toBe(second[1]!.params); // as a fresh match: one params object for the branch
    expect(second).not.toBe(first);
  });

  it("still ranks static paths above dynamic ones and answers null for an unknown path, every time", () => {
    for (let i = 0; i < 3; i += 1) {
      expect(matchRoutes(routes, "/applicant/eoi/check")!.map((m) => m.route.id)).toEqual(["root", "check"]);
      expect(matchRoutes(routes, "/applicant/eoi")!.map((m) => m.route.id)).toEqual(["root", "task-list"]);
      expect(matchRoutes(routes, "/nowhere/at/all/here")).toBeNull();
    }
  });

  it("matches a new route tree by its own routes, not a cached one", () => {
    const other = [{ id: "only", path: "applicant/eoi/:anything" }];
    expect(matchRoutes(other, "/applicant/eoi/check")!.map((m) => m.route.id)).toEqual(["only"]);
    expect(matchRoutes(routes, "/applicant/eoi/check")!.map((m) => m.route.id)).toEqual(["root", "check"]);
  });
});

describe("SQLite statements, prepared once per connection (db/config.ts)", () => {
  const dir = mkdtempSync(join(tmpdir(), "toolkit-statements-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("answers the same SQL with new bindings, and sees a schema change made after it was prepared", async () => {
    const db = knexFactory(sqliteConfig(join(dir, "a.sqlite")));
    try {
      await db.schema.createTable("things", (t) => {
        t.increments("id");
        t.string("name");
      });
      await db("things").insert([{ name: "first" }, { name: "second" }]);
      expect(await db("things").where({ id: 1 }).first()).toEqual({ id: 1, name: "first" });
      expect(await db("things").where({ id: 2 }).first()).toEqual({ id: 2, name: "second" });
      await db.schema.alterTable("things", (t) => t.string("colour").defaultTo("green"));
      expect(await db("things").where({ id: 1 }).first()).toEqual({ id: 1, name: "first", colour: "green" });
      const [inserted] = await db("things").insert({ name: "third" }).returning("id");
      expect(inserted).toEqual({ id: 3 });
      expect(await db("things").where({ id: 3 }).update({ name: "3rd" })).toBe(1);
    } finally {
      await db.destroy();
    }
  });

  it("keeps working past the cache's size with SQL that varies (a whereIn of every length)", async () => {
    const db = knexFactory(sqliteConfig(join(dir, "b.sqlite")));
    try {
      await db.schema.createTable("numbers", (t) => t.integer("n"));
      await db.batchInsert("numbers", Array.from({ length: 600 }, (_, n) => ({ n })), 100);
      for (let length = 1; length <= 600; length += 1) {
        const ids = Array.from({ length }, (_, n) => n);
        const [{ count }] = await db("numbers").whereIn("n", ids).count({ count: "*" });
        expect(count).toBe(length);
      }
    } finally {
      await db.destroy();
    }
  });
});
