/**
 * Words for CSV imports (libs/engine profiles): why a row or a cell was not imported, why a header or a whole
 * import was refused, and why a profile value does not fit its attribute's declared type. Stored as key + params
 * with each error and worded when read, so one report reads in each member's language. Cell values, column names
 * and the database's own words are parameters, shown as written.
 */
export const importsEn = {
  // A whole row (the report's column is empty).
  'import.row.cell-count':
    'has {cells, plural, one {# cell} other {# cells}}; the header has {columns, plural, one {# column} other {# columns}}',
  'import.row.unreadable':
    'is not valid CSV: {reason, select, closing-quote {a quoted cell goes on after its closing quote}' +
    ' opening-quote {a quote opens in the middle of a cell} quote-not-closed {a quoted cell is never closed}' +
    ' too-long {the row is too long} other {{detail}}}',
  'import.row.order-not-imported': 'order {order} not imported: line {line} of it has an error',
  'import.row.not-saved': 'could not be saved: {detail}',

  // One cell, named by its column.
  'import.cell.required': 'is required',
  'import.cell.other-customer': "differs from the order's first line ({userId})",
  'import.cell.email': '{value, value} is not an email address',
  'import.cell.phone': '{value, value} is not a phone number in E.164 form, such as +33612345678',
  'import.cell.time-zone': '{value, value} is not an IANA time zone such as Europe/Paris',
  'import.cell.locale': '{value, value} is not a BCP 47 locale such as fr-FR',
  'import.cell.timestamp': '{value, value} is not an ISO 8601 time such as 2026-03-01T10:15:00Z',
  'import.cell.currency': '{value, value} is not an ISO 4217 code such as EUR',
  'import.cell.quantity': 'must be a whole number of 1 or more',
  'import.cell.refill-days': 'must be a whole number of days, 1 or more',

  // Why a whole import stopped (`error` of the import): shown after "The import stopped:".
  'import.failed.interrupted': 'the upload was interrupted',
  'import.failed.stalled': 'the upload stalled: no data for {seconds, plural, one {# second} other {# seconds}}',
  'import.failed.other': 'something went wrong on our side ({detail})',

  // The header line and the file itself (400 issues of `POST /api/imports/*`).
  'field.import.empty-file': 'is empty: the first line names the columns',
  'field.import.column-required': 'is a required column',
  'field.import.column-twice': 'appears twice',
  'field.import.order-column': 'is not an order column ({columns})',

  // A value against its attribute's declared type: a CSV cell, or a profile edit's value.
  'field.value.not-number': '{value, value} is not a number',
  'field.value.not-boolean': '{value, value} is not true or false (also yes/no, 1/0)',
  'field.value.not-date': '{value, value} is not a date such as 1990-04-21',
  'field.value.declared-type':
    '{type, select, number {is declared as a number} boolean {is declared as true or false}' +
    ' date {is declared as a date (YYYY-MM-DD or an ISO 8601 time)} other {is declared as text}}',
  'field.profile.unknown-fields': 'not a profile field: {keys}',
} as const;
