// fast-check arbitraries for bad input: values that each field of the API must refuse, bodies
// that are not JSON, and a valid body with exactly one thing wrong (a bad field, a required
// field missing, an unknown key, or no object at all) — so every generated body is invalid.
import fc from "fast-check";
import { bytesToHex } from "viem";

/** Any text: every UTF-16 unit, so NUL, controls and lone surrogates too. */
export const anyText = (maxLength = 40) => fc.string({ unit: "binary", maxLength });
/** Text without a ':' — never a URL. */
export const notUrl = fc.string({ unit: "binary", maxLength: 60 }).filter((text) => !text.includes(":"));
export const hex = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((value) => bytesToHex(value));
export const address = hex(20);

/** Raw bodies that JSON.parse refuses. */
export const notJson = fc.oneof(
  anyText(80),
  fc.constantFrom("{", "[1,", '{"a":}', "{'a':1}", "nul", "01", '"unterminated', "{\"a\":1}}", "\u0000{}"),
).filter((text) => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
});

/** JSON values that are no object (a body must be an object). */
export const notObject = fc.oneof(fc.constant(null), fc.boolean(), fc.double({ noNaN: true }), anyText(), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }));

/** Values of the wrong JSON type for a string field. */
export const notString = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }));

/** Strings (or non-strings) that are no 20-byte 0x address. */
export const badAddress = fc.oneof(
  notString,
  anyText(),
  hex(19),
  hex(21),
  address.map((value) => value.slice(2)),
  address.map((value) => `${value}0`),
  address.map((value) => value.replace("0x", "0X")),
);

/** A positive base-unit amount as a decimal string is right; these are not. */
export const badAmount = fc.oneof(
  notString,
  fc.constantFrom("", "0", "-1", "01", "1.5", "1e6", " 1", "1 ", "0x10", "+5", "NaN", "Infinity", (1n << 256n).toString(), "9".repeat(80)),
  fc.integer({ min: 1 }),
  anyText(),
).filter((value) => typeof value !== "string" || !/^\d+$/.test(value) || BigInt(value) === 0n || value.length > 77); // "01" is 1 to some routes

/** A body with a lone surrogate somewhere in a string that is otherwise fine. */
export const loneSurrogate = fc.constantFrom("\ud800", "x\udfff", "\udbff-end", "a\ud83d");

/**
 * One thing wrong with `valid`: a field set to one of its bad values, a required field removed,
 * an unknown key added (the schemas are strict), or no object at all.
 */
export function oneThingWrong(
  valid: Record<string, unknown>,
  bad: Record<string, fc.Arbitrary<unknown>>,
  required: string[],
  strict = true,
): fc.Arbitrary<{ body: unknown; why: string }> {
  const choices: fc.Arbitrary<{ body: unknown; why: string }>[] = [
    ...Object.entries(bad).map(([field, values]) => values.map((value) => ({ body: { ...valid, [field]: value }, why: `bad ${field}` }))),
    ...(required.length > 0
      ? [fc.constantFrom(...required).map((field) => {
          const { [field]: _dropped, ...rest } = valid;
          return { body: rest, why: `no ${field}` };
        })]
      : []),
    notObject.map((body) => ({ body, why: "not an object" })),
  ];
  if (strict) {
    const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !(key in valid) && !(key in bad) && key !== "__proto__");
    choices.push(fc.tuple(unknownKey, fc.jsonValue({ maxDepth: 1 })).map(([key, value]) => ({ body: { ...valid, [key]: value }, why: `unknown key ${key}` })));
  }
  return fc.oneof(...choices);
}

/** A bearer token that authenticates nobody: random, or shaped like ours (css_ / csk_ prefixes). */
export const badToken = fc.oneof(
  fc.string({ minLength: 1, maxLength: 60 }).filter((token) => token.trim().length > 0 && !/[\r\n]/.test(token)),
  fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") }).chain((tail) =>
    fc.constantFrom(`css_${tail}`, `csk_${tail}`),
  ),
);
