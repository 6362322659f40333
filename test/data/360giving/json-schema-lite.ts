// A small JSON Schema (draft-04) validator for the keywords the 360Giving schemas use, so the
// 360Giving test can validate against the official schema without a validator package. It is
// deliberately strict about itself: a keyword it does not know makes it throw, so a newer copy of
// the schema that needs more cannot pass by being half-checked. When ajv (with draft-04 support,
// the `ajv-draft-04` package) is installed, the test also runs the full validator.

export interface SchemaError {
  path: string;
  message: string;
}

type Schema = Record<string, unknown>;

// Annotations: they describe, they do not constrain.
const ANNOTATIONS = new Set(["$schema", "id", "title", "description", "weight", "rollUp", "definitions", "codelist"]);
const CHECKED = new Set(["$ref", "type", "required", "properties", "items", "minItems", "uniqueItems", "enum", "pattern", "format", "oneOf"]);

// RFC 3339 date-time, as JSON Schema's "date-time" format.
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;
// RFC 3986 absolute URI: a scheme, a colon, and no spaces.
const URI = /^[a-z][a-z0-9+.-]*:[^\s]*$/i;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

export interface Validator {
  validate(value: unknown): SchemaError[];
}

/**
 * Builds a validator for `root`. `external` maps absolute $ref URLs to the schemas they name
 * (the package schema refers to the grant schema by its GitHub address).
 */
export function compile(root: Schema, external: Record<string, Schema> = {}): Validator {
  const resolve = (ref: string, base: Schema): { schema: Schema; base: Schema } => {
    const [address, pointer = ""] = ref.split("#");
    const document = address ? external[address] : base;
    if (!document) throw new Error(`Unknown $ref ${ref}`);
    let target: unknown = document;
    for (const part of pointer.split("/").filter(Boolean)) target = (target as Schema)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    if (!target || typeof target !== "object") throw new Error(`Unresolvable $ref ${ref}`);
    return { schema: target as Schema, base: document };
  };

  const check = (value: unknown, schema: Schema, base: Schema, path: string, errors: SchemaError[]): void => {
    for (const keyword of Object.keys(schema)) {
      if (!ANNOTATIONS.has(keyword) && !CHECKED.has(keyword)) throw new Error(`json-schema-lite does not support the keyword "${keyword}" (at ${path})`);
    }
    if (typeof schema.$ref === "string") {
      const { schema: target, base: targetBase } = resolve(schema.$ref, base);
      check(value, target, targetBase, path, errors);
      return; // draft-04: $ref replaces its siblings
    }
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((type) => matchesType(value, type))) {
        errors.push({ path, message: `should be ${types.join(" or ")}, is ${typeOf(value)}` });
        return;
      }
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) {
      errors.push({ path, message: `should be one of the allowed values, is ${JSON.stringify(value)}` });
    }
    if (typeof value === "string") {
      if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) errors.push({ path, message: `should match ${schema.pattern}` });
      if (schema.format === "date-time" && !DATE_TIME.test(value)) errors.push({ path, message: "should be a date-time" });
      if (schema.format === "uri" && !URI.test(value)) errors.push({ path, message: "should be a URI" });
    }
    if (Array.isArray(schema.oneOf)) {
      const passing = (schema.oneOf as Schema[]).filter((option) => {
        const optionErrors: SchemaError[] = [];
        check(value, option, base, path, optionErrors);
        return optionErrors.length === 0;
      }).length;
      if (passing !== 1) errors.push({ path, message: `should match exactly one of ${schema.oneOf.length} schemas, matches ${passing}` });
    }
    if (Array.isArray(value)) {
      if (typeof schema.minItems === "number" && value.length < schema.minItems) errors.push({ path, message: `should have at least ${schema.minItems} items` });
      if (schema.uniqueItems === true && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) errors.push({ path, message: "should have unique items" });
      if (schema.items && typeof schema.items === "object" && !Array.isArray(schema.items)) value.forEach((item, index) => check(item, schema.items as Schema, base, `${path}/${index}`, errors));
    }
    if (typeOf(value) === "object") {
      const object = value as Record<string, unknown>;
      for (const name of (schema.required as string[] | undefined) ?? []) if (!(name in object)) errors.push({ path, message: `should have required property "${name}"` });
      const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
      for (const [name, propertySchema] of Object.entries(properties)) if (name in object) check(object[name], propertySchema, base, `${path}/${name}`, errors);
    }
  };

  return {
    validate(value) {
      const errors: SchemaError[] = [];
      check(value, root, root, "", errors);
      return errors;
    },
  };
}
