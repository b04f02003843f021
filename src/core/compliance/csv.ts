/**
 * CSV as anti-malware consoles export it (RFC 4180: quoted fields, doubled quotes, CRLF or LF,
 * newlines inside quotes), with a byte-order mark tolerated and the delimiter (`,` `;` or tab)
 * detected from the header line when not given: Vietnamese-locale Excel writes `;`.
 */

export type CsvResult = { ok: true; header: string[]; rows: Array<{ line: number; cells: string[] }> } | { ok: false; error: string };

export function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count += 1;
    }
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** Parses CSV text; `line` is the 1-based line where a record starts (for error messages). */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): CsvResult {
  const text = input.replace(/^\uFEFF/, '');
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      cells.push(cell);
      if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      atCellStart = true;
      line += 1;
      recordLine = line;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (quoted) return { ok: false, error: `unterminated quoted field starting on line ${recordLine}` };
  cells.push(cell);
  if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
  const [head, ...rows] = records;
  if (!head) return { ok: false, error: 'empty file' };
  return { ok: true, header: head.cells.map((h) => h.trim()), rows };
}
