// Thermal printer fonts are fixed-pitch: ASCII takes one column, a CJK glyph (and full-width
// punctuation) takes two. Wrapping must count columns, not UTF-16 units.

const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

export function charWidth(char: string): 1 | 2 {
  const cp = char.codePointAt(0) ?? 0;
  for (const [from, to] of WIDE_RANGES) {
    if (cp >= from && cp <= to) return 2;
  }
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** Removes control characters, so hall-configured text can never smuggle printer commands. */
export function sanitizeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

// Punctuation that must not begin a line; it stays with the token before it.
const NO_LINE_START = new Set([...'，。、；：！？）》」』】,.;:!?)]%']);

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let word = '';
  const flush = (): void => {
    if (word) tokens.push(word);
    word = '';
  };
  for (const char of text) {
    if (char === ' ') {
      flush();
      tokens.push(' ');
    } else if (NO_LINE_START.has(char) && tokens.length > 0 && !word) {
      const last = tokens.length - 1;
      if (tokens[last] === ' ') word = char;
      else tokens[last] += char;
    } else if (charWidth(char) === 2 && !NO_LINE_START.has(char)) {
      flush();
      word = char;
    } else {
      word += char;
    }
  }
  flush();
  return tokens;
}

function hardBreak(token: string, columns: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of token) {
    if (piece && displayWidth(piece + char) > columns) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy wrap by display width: breaks at spaces or between CJK characters, never lets
 * closing punctuation start a line, and breaks an over-long word by force. */
export function wrapText(text: string, columns: number): string[] {
  if (columns < 2) throw new RangeError(`wrapText: columns must be at least 2, got ${columns}`);
  const lines: string[] = [];
  let line = '';
  for (const token of tokenize(sanitizeText(text))) {
    if (token === ' ') {
      if (line) line += ' ';
      continue;
    }
    if (displayWidth(line + token) <= columns) {
      line += token;
      continue;
    }
    if (line.trimEnd()) lines.push(line.trimEnd());
    line = '';
    const pieces = displayWidth(token) > columns ? hardBreak(token, columns) : [token];
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1] ?? '';
  }
  if (line.trimEnd()) lines.push(line.trimEnd());
  return lines;
}
