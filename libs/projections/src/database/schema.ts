/**
 * The read-model schema. Everything here is derived from the event log and can be dropped and rebuilt at any
 * time (see rebuildProjections). Times are stored as epoch milliseconds, Dutch calendar dates as 'YYYY-MM-DD'.
 *
 * Bump READ_MODEL_SCHEMA_VERSION whenever a table or the meaning of a column changes: a database with another
 * version is dropped and rebuilt from position 0 when it is opened.
 */
export const READ_MODEL_SCHEMA_VERSION = 3;

/** The tables of this schema, in an order that is safe to drop. */
export const READ_MODEL_TABLES = [
  'case_search',
  'case_waiting',
  'case_offers',
  'case_escalations',
  'case_sessions',
  'case_gaps',
  'case_organisations',
  'case_documents',
  'cases',
  'projection_checkpoints',
] as const;

/** Tables (and the unique keys the processor looks rows up by). */
export const READ_MODEL_TABLES_DDL = `
CREATE TABLE projection_checkpoints (
  name     TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) WITHOUT ROWID;

-- One row per case: the columns the work queue filters and sorts on. Child tables refer to it by id.
CREATE TABLE cases (
  id                 INTEGER PRIMARY KEY,
  case_id            TEXT    NOT NULL UNIQUE,
  stream_id          TEXT    NOT NULL UNIQUE,
  table_id           TEXT    NOT NULL,
  subject_id         TEXT    NOT NULL,
  status             TEXT    NOT NULL,
  case_type          TEXT    NOT NULL,
  urgency            TEXT    NOT NULL,
  urgency_order      INTEGER NOT NULL, -- 0 spoed, 1 hoog, 2 normaal: ascending is most urgent first
  summary            TEXT    NOT NULL,
  summary_folded     TEXT    NOT NULL, -- lower case, for substring search where the trigram index does not pay
  registered_at      INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  gap_count          INTEGER NOT NULL,
  escalated          INTEGER NOT NULL, -- an escalation is open
  next_due_on        TEXT,             -- earliest effective due date of the open deadlines whose clock runs
  watch_due_on       TEXT,             -- the same, of those whose DeadlineMissed was not noted for that date yet
  birthday_due_on    TEXT,             -- 18th birthday of an 18-/18+ case not yet processed (PassEighteenthBirthday)
  closed_at          INTEGER,
  first_discussed_at INTEGER,
  version            INTEGER NOT NULL,
  last_position      INTEGER NOT NULL
);

-- The folded case (CaseState and what the read side adds to it) as JSON: the case detail is read from here.
CREATE TABLE case_documents (
  id  INTEGER PRIMARY KEY, -- cases.id
  doc TEXT NOT NULL
);

-- Who may see a case: parties (any role) and financiers asked to answer a responsibility request.
CREATE TABLE case_organisations (
  case_ref        INTEGER NOT NULL, -- cases.id
  organisation_id TEXT    NOT NULL,
  is_party        INTEGER NOT NULL,
  is_asked        INTEGER NOT NULL,
  PRIMARY KEY (case_ref, organisation_id)
) WITHOUT ROWID;

-- Open needs without a holder (no accepted or provisional financier in effect), of cases that are not closed.
CREATE TABLE case_gaps (
  case_ref         INTEGER NOT NULL,
  need_id          TEXT    NOT NULL,
  table_id         TEXT    NOT NULL, -- the case's table, so a coordinator's gaps come in order from one index
  category         TEXT    NOT NULL,
  since_at         INTEGER NOT NULL,
  since_position   INTEGER NOT NULL,
  since_event_type TEXT    NOT NULL,
  PRIMARY KEY (case_ref, need_id)
) WITHOUT ROWID;

CREATE TABLE case_sessions (
  case_ref     INTEGER NOT NULL,
  session_id   TEXT    NOT NULL,
  table_id     TEXT    NOT NULL,
  session_date TEXT    NOT NULL,
  discussed    INTEGER NOT NULL,
  PRIMARY KEY (case_ref, session_id)
) WITHOUT ROWID;

CREATE TABLE case_escalations (
  case_ref      INTEGER NOT NULL,
  escalation_id TEXT    NOT NULL,
  level         TEXT    NOT NULL,
  reason        TEXT    NOT NULL,
  status        TEXT    NOT NULL, -- open, decided, de-escalated, raised
  provisional   INTEGER NOT NULL, -- decided with at least one provisional financier
  opened_at     INTEGER NOT NULL,
  closed_at     INTEGER,
  PRIMARY KEY (case_ref, escalation_id)
) WITHOUT ROWID;

CREATE TABLE case_offers (
  case_ref                 INTEGER NOT NULL,
  offer_id                 TEXT    NOT NULL,
  need_id                  TEXT    NOT NULL,
  provider_organisation_id TEXT    NOT NULL,
  status                   TEXT    NOT NULL, -- requested, accepted, refused, placed
  refusal_reason           TEXT,
  requested_at             INTEGER NOT NULL,
  answered_at              INTEGER,
  PRIMARY KEY (case_ref, offer_id)
) WITHOUT ROWID;

-- Periods in which a moeilijk plaatsbare client had no suitable offer (none accepted or placed) while the case
-- was open at the table: the source of the monthly series in the stats.
CREATE TABLE case_waiting (
  case_ref INTEGER NOT NULL,
  seq      INTEGER NOT NULL,
  from_at  INTEGER NOT NULL,
  until_at INTEGER,
  PRIMARY KEY (case_ref, seq)
) WITHOUT ROWID;

-- Case-insensitive substring search on the summary (trigram tokens; rowid = cases.id).
CREATE VIRTUAL TABLE case_search USING fts5(summary, tokenize = 'trigram');
`;

/**
 * Secondary indexes for the queries. A rebuild creates them after the replay (bulk load, then index), which is
 * several times faster than maintaining them row by row.
 */
export const READ_MODEL_INDEXES_DDL = `
CREATE INDEX cases_by_registered ON cases (registered_at, case_id);
CREATE INDEX cases_by_updated ON cases (updated_at, case_id);
CREATE INDEX cases_by_urgency ON cases (urgency_order, registered_at, case_id);
CREATE INDEX cases_by_table_registered ON cases (table_id, registered_at, case_id);
CREATE INDEX cases_by_table_updated ON cases (table_id, updated_at, case_id);
CREATE INDEX cases_by_table_urgency ON cases (table_id, urgency_order, registered_at, case_id);
CREATE INDEX cases_by_status_updated ON cases (status, updated_at, case_id);
CREATE INDEX cases_by_next_due ON cases (next_due_on) WHERE next_due_on IS NOT NULL;
CREATE INDEX cases_to_watch ON cases (watch_due_on, case_id, version) WHERE watch_due_on IS NOT NULL;
CREATE INDEX cases_birthday_due ON cases (birthday_due_on, case_id, version) WHERE birthday_due_on IS NOT NULL;
CREATE INDEX cases_with_gap ON cases (updated_at, case_id) WHERE gap_count > 0;
CREATE INDEX cases_escalated ON cases (updated_at, case_id) WHERE escalated = 1;
CREATE INDEX cases_by_subject ON cases (subject_id);
CREATE INDEX cases_for_stats ON cases (table_id, case_type, status, registered_at, closed_at, first_discussed_at);
CREATE INDEX case_organisations_by_organisation ON case_organisations (organisation_id, case_ref);
CREATE INDEX case_gaps_by_since ON case_gaps (since_at, case_ref, need_id);
CREATE INDEX case_gaps_by_table_since ON case_gaps (table_id, since_at, case_ref, need_id);
CREATE INDEX case_sessions_by_table_date ON case_sessions (table_id, session_date);
CREATE INDEX case_offers_refused ON case_offers (refusal_reason) WHERE refusal_reason IS NOT NULL;
CREATE INDEX case_waiting_by_from ON case_waiting (from_at);
`;
