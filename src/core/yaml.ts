/**
 * Renders a Helm values document as block-style YAML.
 *
 * Helm parses YAML 1.1, so strings that a YAML 1.1 or 1.2 parser would read
 * as something else (`yes`, `off`, `null`, `0123`, `1e3`, `2024-01-01`, ...)
 * are quoted. Long lines are never folded, so token strings that the toolkit
 * resolves at synth stay intact on one line.
 *
 * The layout is the `yaml` package's (`stringify` with `version: '1.1'` and
 * no line width): two-space indents, sequences indented under their key,
 * `{}` / `[]` for empty collections, map entries whose value is `undefined`
 * left out. Strings are plain where that is safe, single-quoted when they hold
 * a double quote but no single quote, double-quoted otherwise; multi-line
 * strings and strings with non-printable characters are double-quoted with
 * escapes. Written here rather than loading the `yaml` package, whose 72
 * modules were the largest part of the library's synth overhead.
 */
export function toYaml(doc: unknown): string {
  const value = plainData(doc);
  if (isCollection(value) && !isEmpty(value)) return `${block(value, '')}\n`;
  return `${scalarOrEmpty(value, true)}\n`;
}

type Data = null | boolean | number | string | Data[] | { [key: string]: Data };

/** Strings a YAML 1.1 or YAML 1.2 (core schema) parser resolves to a non-string. */
const NON_STRING: RegExp[] = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON|N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^0o[0-7]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:t|T|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:[ \t]*(?:Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
];

/**
 * Where a plain scalar would be read differently: a leading indicator
 * character, a lone or space-followed `-` / `?`, `: ` or ` #` inside, or a
 * trailing space or colon.
 */
const PLAIN_UNSAFE = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/**
 * A character that cannot stand unescaped on one line of a scalar: outside
 * YAML's printable set, a line break (including U+0085, U+2028, U+2029), the
 * byte order mark, or half of a surrogate pair.
 */
const NEEDS_ESCAPE = /[^\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\ud800-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isCollection(value: Data): value is Data[] | { [key: string]: Data } {
  return typeof value === 'object' && value !== null;
}

function isEmpty(value: Data[] | { [key: string]: Data }): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** JSON-like data: `toJSON` applied, map entries holding `undefined` or functions dropped, `undefined` in sequences as null. */
function plainData(value: unknown): Data {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return plainData((value as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(value)) return value.map((v) => (v === undefined || typeof v === 'function' ? null : plainData(v)));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Data } = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined && typeof v !== 'function' && typeof v !== 'symbol') out[k] = plainData(v);
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'bigint') return Number(value);
  return null;
}

/** A non-empty collection in block style, every line prefixed with `indent`. */
function block(value: Data[] | { [key: string]: Data }, indent: string): string {
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isCollection(item) && !isEmpty(item)) {
        // The first entry shares the line with the dash.
        lines.push(`${indent}- ${block(item, `${indent}  `).slice(indent.length + 2)}`);
      } else {
        lines.push(`${indent}- ${scalarOrEmpty(item)}`);
      }
    }
  } else {
    for (const [k, v] of Object.entries(value)) {
      const key = `${indent}${string(k, true, indent === '')}:`;
      if (Array.isArray(v) && v.length > 0) lines.push(key, block(v, `${indent}  `));
      else if (isCollection(v) && !isEmpty(v)) lines.push(key, block(v, `${indent}  `));
      else lines.push(`${key} ${scalarOrEmpty(v)}`);
    }
  }
  return lines.join('\n');
}

function scalarOrEmpty(value: Data, atLineStart = false): string {
  if (Array.isArray(value)) return '[]';
  if (isCollection(value)) return '{}';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return number(value);
  return string(value, false, atLineStart);
}

function number(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n < 0 ? '-.inf' : '.inf';
  return Object.is(n, -0) ? '-0' : JSON.stringify(n);
}

/**
 * A string scalar. `atLineStart`: it begins a line at the left margin, where
 * `---` or `...` would be read as a document marker.
 */
function string(s: string, isKey: boolean, atLineStart: boolean): string {
  const multiLine = s.includes('\n');
  if (multiLine || NEEDS_ESCAPE.test(s)) return doubleQuoted(s);
  const plain = !PLAIN_UNSAFE.test(s) && !NON_STRING.some((re) => re.test(s)) && !(isKey && s === '<<') && !(atLineStart && /^(?:---|\.\.\.)/.test(s));
  if (plain) return s;
  return s.includes('"') && !s.includes("'") ? `'${s}'` : doubleQuoted(s);
}

/** A double-quoted scalar on one line: JSON escapes plus YAML's for characters JSON leaves bare. */
function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (!NEEDS_ESCAPE.test(ch)) out += ch;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}
