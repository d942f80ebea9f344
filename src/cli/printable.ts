/**
 * Text that came from an outputs file or a server, made safe to print on a
 * terminal or to put on one line of a file: no ANSI escape sequence can
 * recolour, move the cursor or retitle the terminal, and no line break can
 * start a line (or a YAML document) of its own.
 */

/**
 * ANSI escape sequences, 7-bit (`ESC [`, `ESC ]`, ...) and 8-bit (`CSI`,
 * `OSC`, ...): control sequences up to their final byte, string commands up
 * to BEL or ST on the same line, and two-character escapes. What is left of
 * an unterminated one is shown escaped.
 */
const ANSI_SEQUENCE = new RegExp(
  [
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]',
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[^\\u0007\\u001b\\u009c\\n]*(?:\\u0007|\\u001b\\\\|\\u009c)',
    '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]',
  ].join('|'),
  'g',
);

/**
 * Characters that must never reach a terminal or a one-line field as they
 * are: C0 and C1 controls, DEL, the Unicode line and paragraph separators
 * (line breaks to YAML 1.1 parsers such as Helm's and kubectl's), the byte
 * order mark, non-characters, bidirectional overrides (which reorder what
 * is shown), and unpaired surrogates.
 */
const UNSAFE_CHAR =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  const short = SHORT_ESCAPES[c];
  if (short) return short;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * One line of text, safe to print or to put in a YAML comment: ANSI
 * sequences removed, every other unsafe character (line breaks included)
 * shown as an escape (`\n`, `\x1b`, `\u2028`).
 */
export function printable(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(UNSAFE_CHAR, escapeChar);
}

/**
 * Text of several lines made safe for a terminal: ANSI sequences removed,
 * line feeds and tabs kept, every other unsafe character escaped. The last
 * line of defence for whatever a command prints.
 */
export function terminalSafe(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(UNSAFE_CHAR, (c) => (c === '\n' || c === '\t' ? c : escapeChar(c)));
}

/** Characters `JSON.stringify` leaves as they are but a terminal or a YAML 1.1 reader does not. */
const JSON_UNESCAPED = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g;

/** JSON text with every character a terminal would act on written as `\uXXXX` (same JSON value). */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_UNESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `'name'` for messages: the name on one line, quoted. */
export function quoted(name: string): string {
  return `'${printable(name)}'`;
}
