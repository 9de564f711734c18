/**
 * Every way Policywright writes a date, in one place. A policy's own dates are calendar days without a time zone
 * (ISO "2026-01-15"); stamps on copies, versions and recovered edits are moments, shown in the reader's local time.
 */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const two = (n: number): string => String(n).padStart(2, '0');

/** Year, month (1–12) and day as an ISO calendar day, "2026-01-15"; null when no such day exists (2023-02-30). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = `${year}-${two(month)}-${two(day)}`;
  return isIsoDay(iso) ? iso : null;
}

/** Whether text is a real ISO calendar day. Date.parse alone lets "2026-02-30" through (it rolls over to March). */
export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** The calendar day a moment falls on in UTC, "2026-01-15": a date a YAML reader handed over as midnight UTC. */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** The calendar day here, "2026-01-15", as a clause's `updated` records it. */
export function localDay(now = new Date()): string {
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** Local time to the minute, "2026-02-03 14:05": the stamp in a kept copy's title and in the CLI's version list. */
export function localMinute(moment: Date): string {
  return `${localDay(moment)} ${two(moment.getHours())}:${two(moment.getMinutes())}`;
}

/** Local time to the second, "2026-02-03 14:05:09": names that must differ when made a minute apart. */
export function localSecond(moment: Date): string {
  return `${localMinute(moment)}:${two(moment.getSeconds())}`;
}

/**
 * "2026-01-15" → "15 January 2026", as a policy writes its dates. Written out by hand rather than with Intl: the result
 * must not depend on the locale or time zone of the machine, and a policy's date must never shift by a day. Text that
 * is not an ISO day comes back unchanged.
 */
export function longDay(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

// Made on first use: building a formatter loads the locale's data (about 6 ms), which every command line run that
// imports this module would pay, though few show a time.
let shortDateTimeFormat: Intl.DateTimeFormat | undefined;
const shortDateTimeFormatter = () =>
  (shortDateTimeFormat ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }));

/** A moment in local time for a list or a notice, "3 Feb 2026, 14:05": when a version was saved, or edits were kept. */
export function shortDateTime(moment: Date | string): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment;
  return Number.isNaN(date.getTime()) ? String(moment) : shortDateTimeFormatter().format(date);
}

/** A moment as OOXML stamps a tracked change, UTC to the second: "2026-02-03T14:05:09Z". */
export function wordStamp(moment: Date): string {
  return moment.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A calendar day `months` later; the 31st of a shorter month is its last day (31 January + 1 month = 28 February). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${two(m)}-${two(Math.min(date, last))}`;
}

/** A calendar day `days` later (earlier when negative). */
export function addDays(day: string, days: number): string {
  const moment = new Date(`${day}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return utcDay(moment);
}
