/**
 * Every YAML file `replay-storage values` writes is rendered here, by the
 * `yaml` package, with its comment header as the document's
 * `commentBefore`; nothing is spliced into YAML text by hand.
 *
 * Helm and kubectl read YAML 1.1 (go-yaml), which also breaks lines at
 * U+0085, U+2028 and U+2029 and merges `<<` keys. So, beyond what the
 * `yaml` package does for YAML 1.1:
 * - header lines are {@link printable} (no character can end a comment line);
 * - strings holding such characters (or any other non-printable one) are
 *   double-quoted, with those characters escaped (`\N`, `\L`, `\P`, `\x..`);
 * - a `<<` key is written `!!str "<<"`, so it stays a key;
 * - the text is parsed back, as YAML 1.1 and 1.2, and must be exactly one
 *   document with the same data, or nothing is written.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, parseAllDocuments, Scalar, visit } from 'yaml';
import { CliError } from './io';
import { printable } from './printable';

/** Characters no YAML scalar may hold raw: line breaks to YAML 1.1 beyond `\n`, controls, BOM, non-characters, lone surrogates. */
const NEEDS_DOUBLE_QUOTES =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What `JSON.stringify` (and so the `yaml` package's double quotes) leaves raw: escaped after rendering. */
const RAW_IN_DOUBLE_QUOTES = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

const YAML_ESCAPES: Readonly<Record<string, string>> = { '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P' };

function escapeRaw(c: string): string {
  const code = c.charCodeAt(0);
  return YAML_ESCAPES[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** The data a YAML text holds, read as the given version; undefined unless it is exactly one document without errors. */
function readBack(text: string, version: '1.1' | '1.2'): { data: unknown } | undefined {
  const docs = parseAllDocuments(text, { version, uniqueKeys: true });
  if (!Array.isArray(docs) || docs.length !== 1 || docs[0].errors.length > 0) return undefined;
  return { data: docs[0].toJS() };
}

/**
 * A YAML document of `value` (JSON-like data), block style, two-space
 * indents, no folded lines, starting with `header` as `#` comment lines.
 * `what` names the file in the error when the data cannot be written so
 * that it reads back the same.
 */
export function renderYaml(value: unknown, header: readonly string[], what: string): string {
  // Objects the data holds twice (from aliases in an output) are written out twice, never as `&a` / `*a`.
  const doc = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_, pair) {
      // A plain `<<` key is a merge to YAML 1.1; a tagged string key is a key.
      if (pair.key instanceof Scalar && pair.key.value === '<<') Object.assign(pair.key, { type: Scalar.QUOTE_DOUBLE, tag: 'tag:yaml.org,2002:str' });
    },
    Scalar(_, node) {
      if (typeof node.value === 'string' && NEEDS_DOUBLE_QUOTES.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  if (header.length > 0) doc.commentBefore = header.map((line) => ` ${printable(line)}`).join('\n');
  const text = doc.toString({ lineWidth: 0 }).replace(RAW_IN_DOUBLE_QUOTES, escapeRaw);

  const expected = new Document(value, { aliasDuplicateObjects: false }).toJS();
  for (const version of ['1.1', '1.2'] as const) {
    const back = readBack(text, version);
    if (!back || !isDeepStrictEqual(back.data, expected)) {
      throw new CliError(`${what} cannot be written as YAML that a YAML ${version} reader (Helm, kubectl) reads back as the same data; nothing was written.`);
    }
  }
  return text;
}
