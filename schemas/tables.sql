-- The tables `extract … -o out.duckdb` writes (and --tables DIR, one file per table).
-- Generated from src/extractor/tables/columns.py: python -m extractor.tables.columns

CREATE TABLE IF NOT EXISTS articles (
  article_id VARCHAR,  -- the input's id in the batch (path, JSON Lines id, WARC record)
  source_path VARCHAR,  -- the file read
  url VARCHAR,  -- the page's address, where known
  sha256 VARCHAR,  -- hash of the input's bytes
  kind VARCHAR,  -- news, press_release or transcript, where detected
  title VARCHAR,  -- headline
  subtitle VARCHAR,  -- deck lines under the headline
  outlet VARCHAR,  -- the outlet's name
  issuer VARCHAR,  -- the body that issued a release
  issuer_id VARCHAR,  -- the registry's id of the issuer
  published_at TIMESTAMPTZ,  -- publication time
  updated_at TIMESTAMPTZ,  -- last update
  embargo_until TIMESTAMPTZ,  -- a release's embargo: not to be reported before
  body VARCHAR,  -- the cleaned article text the offsets point into
  body_length BIGINT,  -- characters in body
  warnings BIGINT,  -- number of warnings
  error_type VARCHAR,  -- for an input that failed: InputError, InternalError, …
  error_message VARCHAR  -- for an input that failed: the one-line message
);

CREATE TABLE IF NOT EXISTS officials (
  article_id VARCHAR,  -- the input's id in the batch (path, JSON Lines id, WARC record)
  official BIGINT,  -- index of the official in the article (quotes.official points here)
  name VARCHAR,  -- the person's name
  title VARCHAR,  -- the office (시장, 장관 …)
  organization VARCHAR,  -- the organization, normalized (대구광역시)
  organization_surface VARCHAR,  -- the organization as printed (대구시)
  organization_id VARCHAR,  -- the registry's id of the organization (null: not a known body)
  organization_name VARCHAR,  -- the registry's name of it on the article's date
  mentions BIGINT,  -- how many times the person is named
  person_id VARCHAR,  -- the person across the whole batch (people.person_id)
  span_start BIGINT,  -- offset of the record's first character in articles.body
  span_end BIGINT,  -- offset after its last character
  text VARCHAR  -- the record's text as printed
);

CREATE TABLE IF NOT EXISTS mentions (
  article_id VARCHAR,  -- the input's id in the batch (path, JSON Lines id, WARC record)
  official BIGINT,  -- the official named
  mention BIGINT,  -- index of the mention
  span_start BIGINT,  -- offset of the record's first character in articles.body
  span_end BIGINT,  -- offset after its last character
  text VARCHAR  -- the record's text as printed
);

CREATE TABLE IF NOT EXISTS indicators (
  article_id VARCHAR,  -- the input's id in the batch (path, JSON Lines id, WARC record)
  indicator BIGINT,  -- index of the indicator in the article
  value DOUBLE,  -- the value, fully expanded (1천600여억원 → 160000000000)
  unit VARCHAR,  -- 원, 명, 개, %, 배 …
  approximate BOOLEAN,  -- 여, 약, 가량 …
  bound VARCHAR,  -- min, min_exclusive, max, max_exclusive (이상, 초과, 이하, 미만)
  low DOUBLE,  -- a range's low end
  high DOUBLE,  -- a range's high end
  previous_value DOUBLE,  -- the from-value of a change (A에서 B로)
  change_direction VARCHAR,  -- increase or decrease
  change_multiple DOUBLE,  -- value / previous
  change_percent DOUBLE,  -- a stated % change
  year BIGINT,  -- the year the figure refers to
  subject VARCHAR,  -- what is counted
  sentence VARCHAR,  -- the line the indicator stands in
  policy BIGINT,  -- index of the policy item it falls in
  span_start BIGINT,  -- offset of the record's first character in articles.body
  span_end BIGINT,  -- offset after its last character
  text VARCHAR  -- the record's text as printed
);

CREATE TABLE IF NOT EXISTS years (
  article_id VARCHAR,  -- the input's id in the batch (path, JSON Lines id, WARC record)
  year_mention BIGINT,  -- index of the year mention
  year BIGINT,  -- the year
  month BIGINT,  -- month, for a date
  day BIGINT,  -- day, for a date
  start_year BIGINT,  -- a period's first year
  end_year BIGINT,  -- a period's last year
  relative BOOLEAN,  -- resolved on the publication date (올해, 지난해)
  span_start BIGINT,  -- offset of the record's first character in articles.body
  span_end BIGINT,  -- offset after its last character
  text VARCHAR  -- the record's text as printed
);

CREATE TABLE IF NOT EXISTS policies (
  article_id VARCHAR,  -- the input's id in the batch (path, JSON Lines id, WARC record)
  policy BIGINT,  -- index of the item in the article
  list BIGINT,  -- which enumeration of the article (the record's group)
  ordinal BIGINT,  -- 1, 2, 3 within its list
  marker VARCHAR,  -- 첫째, 1., ①, ▲ … as printed
  parent BIGINT,  -- the item it sits under, for nested lists
  title VARCHAR,  -- the item's lead words
  span_start BIGINT,  -- offset of the record's first character in articles.body
  span_end BIGINT,  -- offset after its last character
  text VARCHAR  -- the record's text as printed
);

CREATE TABLE IF NOT EXISTS quotes (
  article_id VARCHAR,  -- the input's id in the batch (path, JSON Lines id, WARC record)
  quote BIGINT,  -- index of the quote
  speaker VARCHAR,  -- who said it
  official BIGINT,  -- the speaker's row in officials, where the speaker is one
  person_id VARCHAR,  -- the speaker across the whole batch, where an official
  span_start BIGINT,  -- offset of the record's first character in articles.body
  span_end BIGINT,  -- offset after its last character
  text VARCHAR  -- the record's text as printed
);

CREATE TABLE IF NOT EXISTS contacts (
  article_id VARCHAR,  -- the input's id in the batch (path, JSON Lines id, WARC record)
  contact BIGINT,  -- index of the contact
  name VARCHAR,  -- the person
  title VARCHAR,  -- 사무관, 과장 …
  department VARCHAR,  -- the department as printed
  phone VARCHAR  -- the number as printed
);

CREATE TABLE IF NOT EXISTS people (
  person_id VARCHAR,  -- one person across the batch: a name in a body (extractor.people)
  name VARCHAR,  -- the person's name
  organization_id VARCHAR,  -- the registry's id of the body, where known
  organization VARCHAR,  -- the body's name
  office VARCHAR,  -- the office named most
  articles BIGINT,  -- how many articles name the person
  mentions BIGINT  -- how many times, over all of them
);

CREATE TABLE IF NOT EXISTS sections (
  article_id VARCHAR,  -- the input's id in the batch (path, JSON Lines id, WARC record)
  section BIGINT,  -- index in reading order
  parent BIGINT,  -- the section it sits under
  level BIGINT,  -- 1 for □, 2 for ○ …
  marker VARCHAR,  -- the outline mark
  span_start BIGINT,  -- offset of the record's first character in articles.body
  span_end BIGINT,  -- offset after its last character
  text VARCHAR  -- the record's text as printed
);
