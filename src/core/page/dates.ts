// Dates in the forms Chinese pages write them: 2023-06-07, 2023年6月7日, 2023/06/07 15:25,
// 18-03-08 23:16, 10-08 12:00 (no year), "2019 09/07 19:02" (year in its own element).
// Output is "YYYY-MM-DD", plus " HH:MM" when the text shows a time.

export interface FoundDate {
  date: string;
  /** True when the year was not written and came from elsewhere. */
  yearless: boolean;
  index: number;
}

const pad = (n: number | string): string => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function withTime(base: string, h?: string, min?: string): string {
  if (h === undefined || min === undefined) return base;
  const hh = +h;
  const mm = +min;
  if (hh > 23 || mm > 59) return base;
  return `${base} ${pad(hh)}:${pad(mm)}`;
}

// Regex literals, not `new RegExp(String.raw...)`: bundles keep module-level calls even when they
// use nothing of this file (the content script reaches it through re-exports only).
// TIME, the optional time after a date: (?:(?:\s*T\s*|\s+|\s*日\s*)(\d{1,2})\s*[:：时]\s*(\d{2}))?
const FULL = /(?<![\d.])(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)(?:\s*日)?(?:(?:\s*T\s*|\s+|\s*日\s*)(\d{1,2})\s*[:：时]\s*(\d{2}))?/;
const SHORT_YEAR = /(?<![\d./-])(\d{2})-(\d{1,2})-(\d{1,2})(?!\d)\s+(\d{1,2}):(\d{2})/;
const SPLIT_YEAR = /(?<!\d)(\d{4})\s+(\d{1,2})\s*[/-]\s*(\d{1,2})(?!\d)(?:(?:\s*T\s*|\s+|\s*日\s*)(\d{1,2})\s*[:：时]\s*(\d{2}))?/;
// Day is two digits or one digit followed by a non-digit, so "10-0812:00" reads as 10-08 12:00.
const NO_YEAR = /(?<![\d./-])(\d{1,2})\s*[-/月]\s*(\d{2}|\d(?!\d))(?![./-])\s*日?\s*(\d{1,2})\s*[:：]\s*(\d{2})/;
const NO_YEAR_CN = /(?<!\d)(\d{1,2})月(\d{1,2})日/;

/** The first date in `text`. `year` fills in a missing year. */
export function parseDate(text: string, year = 0): FoundDate | null {
  const found: FoundDate[] = [];
  let m = FULL.exec(text);
  if (m && valid(+m[1], +m[2], +m[3])) found.push({ date: withTime(`${m[1]}-${pad(m[2])}-${pad(m[3])}`, m[4], m[5]), yearless: false, index: m.index });
  m = SPLIT_YEAR.exec(text);
  if (m && valid(+m[1], +m[2], +m[3])) found.push({ date: withTime(`${m[1]}-${pad(m[2])}-${pad(m[3])}`, m[4], m[5]), yearless: false, index: m.index });
  m = SHORT_YEAR.exec(text);
  if (m && valid(2000 + +m[1], +m[2], +m[3])) found.push({ date: withTime(`${2000 + +m[1]}-${pad(m[2])}-${pad(m[3])}`, m[4], m[5]), yearless: false, index: m.index });
  if (year) {
    m = NO_YEAR.exec(text);
    if (m && valid(year, +m[1], +m[2])) found.push({ date: withTime(`${year}-${pad(m[1])}-${pad(m[2])}`, m[3], m[4]), yearless: true, index: m.index });
  }
  if (!found.length) return null;
  found.sort((a, b) => a.index - b.index);
  return found[0];
}

/** A date written 月日 only (for a line that names its year elsewhere). */
export function parseMonthDay(text: string, year: number): string {
  const m = NO_YEAR_CN.exec(text);
  return m && valid(year, +m[1], +m[2]) ? `${year}-${pad(m[1])}-${pad(m[2])}` : '';
}

/** Year from a URL such as /art/2016/11/22/ or /19/0907/ or t20201004. */
export function yearFromUrl(url: string): number {
  const m = url.match(/(?:^|[/_t-])(20\d{2})[-/_]?(?:0[1-9]|1[0-2])/);
  return m ? +m[1] : 0;
}

/** Normalise a machine date (meta, JSON-LD, script data) to YYYY-MM-DD[ HH:MM]. */
export function machineDate(value: string, keepTime: boolean): string {
  const m = value.match(/(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})(?:日)?(?:[-T\s]+(\d{1,2}):(\d{2}))?/);
  if (!m || !valid(+m[1], +m[2], +m[3])) return '';
  const base = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  return keepTime ? withTime(base, m[4], m[5]) : base;
}
