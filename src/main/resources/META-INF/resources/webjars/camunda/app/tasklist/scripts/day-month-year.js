/*
 * CMS Partnerships: dates in Camunda Forms read day-month-year.
 *
 * The date fields of Camunda Forms (form-js, bundled with Tasklist) show and read a date in the
 * browser's own locale, asking Intl.DateTimeFormat for the "default" locale: a browser set to US
 * English shows 5 June 2026 as 06/05/2026, which a Secretariat officer reads as 6 May. form-js has no
 * setting for it, so this script, loaded by Tasklist (config.js customScripts) before any form, makes
 * the default locale British English (05/06/2026) whenever the browser's own would put the month
 * first. Explicitly named locales and day-first browsers are left as they are; what the form submits is
 * ISO (2026-06-05) either way.
 */
const Native = Intl.DateTimeFormat;

function monthFirst(locale) {
  const parts = new Native(locale).formatToParts(new Date(Date.UTC(2020, 5, 5)));
  const order = parts.map((part) => part.type).filter((type) => type === 'day' || type === 'month');
  return order[0] === 'month';
}

const replaceDefault = monthFirst(undefined);

function DayMonthYear(locales, options) {
  const useDefault = locales === undefined || locales === 'default';
  const locale = useDefault && replaceDefault ? 'en-GB' : locales;
  return new Native(locale, options);
}
DayMonthYear.prototype = Native.prototype;
DayMonthYear.supportedLocalesOf = Native.supportedLocalesOf.bind(Native);

if (replaceDefault) {
  Intl.DateTimeFormat = DayMonthYear;
}

export default [];
